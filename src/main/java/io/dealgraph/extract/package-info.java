/**
 * The extraction engine: news text in, facts out (who invested how much in whom and when, spend commitments to
 * clouds and chipmakers, who makes and uses which chips, who runs which cloud), each with the sentence it came from.
 *
 * <p>Public face: {@link io.dealgraph.extract.Extractor} ({@code List<Fact> extract(Document)}),
 * {@link io.dealgraph.extract.Extractors#ruleBased()} and {@link io.dealgraph.extract.Extractors#merge(java.util.List)}
 * (to combine with a later LLM-backed extractor), the value records {@link io.dealgraph.extract.Document} and
 * {@link io.dealgraph.extract.Fact}, {@link io.dealgraph.extract.DocumentReader} for files,
 * and {@link io.dealgraph.extract.FactFormat} for the JSON-lines format of shared/corpus/README.md. Scoring facts
 * against gold files (the port of shared/corpus/score.py) is development tooling and lives in devtools/evaluation.
 *
 * <p>The rule-based pipeline, each stage a package-private class with its own tests:
 * {@code Sentences} (offsets into the document text) → {@code Mentions} (knowledge-file names, unknown
 * organisations from shape and use), {@code Money}, {@code Dates} → {@code Coreference} ("the company", "the Claude
 * maker", "its") → {@code Relations} (figures classified by their context, parties by connectors) →
 * {@code FactResolver} (canonical types, de-duplication). Word lists and entities are data in
 * {@code src/main/resources/extract/}. Everything is immutable after construction, so one extractor serves any
 * number of threads.
 */
package io.dealgraph.extract;
