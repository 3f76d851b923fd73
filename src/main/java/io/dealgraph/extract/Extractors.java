package io.dealgraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry points: the default extractor, and merging the output of several. */
public final class Extractors {

    private static final class Holder {
        static final RuleBasedExtractor RULES = new RuleBasedExtractor(Knowledge.load(), Lexicon.load(), DealFrames.load(),
                java.util.EnumSet.allOf(RuleBasedExtractor.Part.class));
    }

    private Extractors() {
    }

    /** The extractor over the bundled knowledge, word lists, deal frames and models; shared, since it is immutable. */
    public static Extractor ruleBased() {
        return Holder.RULES;
    }

    /** The same pipeline with only some of its optional parts, for measuring what each brings. */
    public static Extractor withParts(java.util.Set<RuleBasedExtractor.Part> parts) {
        return new RuleBasedExtractor(Knowledge.load(), Lexicon.load(), DealFrames.load(), parts);
    }

    /**
     * Runs every extractor and keeps one fact per type, parties, amount and date; earlier extractors win ties,
     * so list the most trusted first.
     */
    public static Extractor merge(List<Extractor> extractors) {
        List<Extractor> all = List.copyOf(extractors);
        return doc -> {
            Map<String, Fact> kept = new LinkedHashMap<>();
            for (Extractor e : all) {
                for (Fact f : e.extract(doc)) {
                    String key = f.partiesKey() + "|" + f.amountUsd() + "|" + f.amount() + "|" + f.date() + "|" + f.cumulative();
                    kept.putIfAbsent(key, f);
                }
            }
            return new ArrayList<>(kept.values());
        };
    }
}
