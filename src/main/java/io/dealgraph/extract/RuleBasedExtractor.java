package io.dealgraph.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline: sentences, then mentions (entities, money, dates), coreference, relations, resolution.
 * Immutable and stateless between calls, hence thread-safe; obtain it through {@link Extractors#ruleBased()}.
 */
public final class RuleBasedExtractor implements Extractor {

    private final Mentions mentions;
    private final Coreference coreference;
    private final Relations relations;
    private final FactResolver resolver;
    private final Lexicon lexicon;

    RuleBasedExtractor(Knowledge knowledge, Lexicon lexicon) {
        this.lexicon = lexicon;
        this.mentions = new Mentions(knowledge, lexicon);
        this.coreference = new Coreference(knowledge);
        this.relations = new Relations(knowledge);
        this.resolver = new FactResolver(knowledge);
    }

    /** Per-char lower case, so offsets in the lowered text stay those of the original. */
    static String lower(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            char c = cs[i];
            cs[i] = c == '’' ? '\'' : Character.toLowerCase(c);
        }
        return new String(cs);
    }

    @Override
    public List<Fact> extract(Document doc) {
        String text = doc.text();
        List<Sentences.Sentence> sentences = Sentences.split(text);
        List<List<Mentions.Mention>> perSentence = new ArrayList<>(sentences.size());
        for (Sentences.Sentence s : sentences) {
            perSentence.add(mentions.find(s.text()));
        }
        Mentions.promote(perSentence, lexicon);
        List<String> texts = new ArrayList<>(sentences.size());
        for (Sentences.Sentence s : sentences) {
            texts.add(s.text());
        }
        Mentions.lowercaseBrands(texts, perSentence);
        List<String> lowered = new ArrayList<>(sentences.size());
        for (Sentences.Sentence s : sentences) {
            lowered.add(lower(s.text()));
        }
        coreference.resolve(sentences, lowered, perSentence);
        List<Relations.View> views = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            Sentences.Sentence s = sentences.get(i);
            String st = s.text();
            views.add(new Relations.View(s, st, lowered.get(i), perSentence.get(i),
                    Money.find(st, lowered.get(i)), Dates.find(st, lowered.get(i), doc.published())));
        }
        return resolver.resolve(doc, sentences, relations.extract(views, doc.published()));
    }
}
