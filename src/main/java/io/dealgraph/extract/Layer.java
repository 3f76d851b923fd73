package io.dealgraph.extract;

/**
 * What a pipeline stage adds to a document's {@link Analysis}. Stages name the layers they read and the ones they
 * write, and {@link Pipeline} checks the order once, when it is built, as CoreNLP checks its annotators'
 * requirements.
 */
enum Layer {
    /** Sentences with their offsets and lower-cased text. */
    SENTENCES,
    /** Names of companies, clouds, chips, funds and people: the knowledge file, name shapes, usage. */
    MENTIONS,
    /** Money figures with currency, qualifier and dollar value. */
    MONEY,
    /** Dates, resolved against the publication date. */
    DATES,
    /** "The company", "the Claude maker", "its" turned into the entity they stand for. */
    COREFERENCE,
    /** Which sentences the statistical layer reads: those with a figure or a deal cue. */
    CANDIDATES,
    /** Penn Treebank tokens of the candidate sentences, with character offsets. */
    TOKENS,
    /** Part-of-speech tags and lemmas. */
    TAGS,
    /** Names the named-entity model finds that no rule knew, added to the mentions. */
    ENTITIES,
    /** Universal Dependencies graphs (enhanced++). */
    PARSE,
    /** Fact drafts read from context patterns around figures and names. */
    CONTEXT_DRAFTS,
    /** Fact drafts read from grammar rules over the parse, and funding rounds assembled across sentences. */
    GRAMMAR_DRAFTS,
    /** The final facts: canonical names and types, evidence, duplicates merged. */
    FACTS
}
