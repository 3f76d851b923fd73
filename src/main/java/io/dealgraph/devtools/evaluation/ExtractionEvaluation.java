package io.dealgraph.devtools.evaluation;

import io.dealgraph.extract.Extractor;
import io.dealgraph.extract.Extractors;
import io.dealgraph.extract.Fact;
import io.dealgraph.extract.RuleBasedExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code evaluate}: extraction quality on any folder of texts with gold files, scored as shared/corpus/score.py
 * scores (the same name matching, one-to-one pairing, optional and running-total facts neither rewarded nor
 * punished): precision, recall and F1 per fact type, amount and date accuracy, then every miss and extra.
 */
public final class ExtractionEvaluation {

    private ExtractionEvaluation() {
    }

    /**
     * @param gold    the folder of gold files
     * @param corpus  the folder of the texts they name; null for the gold folder
     * @param facts   a JSON-lines file of facts to score instead of extracting; null to extract
     * @param without parts of the pipeline to leave out
     * @param summary scores only, no misses and extras (for a blind set)
     */
    public static int run(Path gold, Path corpus, Path facts, Set<RuleBasedExtractor.Part> without, boolean summary,
                          PrintStream out, PrintStream err) {
        if (!Files.isDirectory(gold)) {
            err.println("dealgraph evaluate: no folder " + gold);
            return 1;
        }
        Path texts = corpus == null ? gold : corpus;
        if (facts == null && !Files.isDirectory(texts)) {
            err.println("dealgraph evaluate: no folder " + texts);
            return 1;
        }
        try {
            Evaluation eval = Evaluation.load(gold);
            if (eval.docs().isEmpty()) {
                err.println("dealgraph evaluate: no gold files in " + gold);
                return 1;
            }
            List<String> failed = new ArrayList<>();
            List<Fact> found = facts != null ? Evaluation.readFacts(facts) : extract(eval, texts, without, err, failed);
            Map<String, Evaluation.Score> report = eval.report(found);
            out.println("evaluate: " + eval.docs().size() + " documents, gold " + gold + (facts != null ? ", facts " + facts
                    : ", texts " + texts) + (without.isEmpty() ? "" : ", without " + without));
            report.forEach((k, s) -> out.printf("  %-17s %s%n", k, s.line()));
            if (!summary) {
                for (String kind : List.of("DEALS", "CHIPS_CLOUDS")) {
                    Evaluation.Score score = report.get(kind);
                    score.misses().forEach(m -> out.println("  miss  " + m));
                    score.extras().forEach(m -> out.println("  extra " + m));
                }
            }
            if (!failed.isEmpty()) {
                err.println("dealgraph evaluate: the extractor failed on " + failed.size() + " document(s), scored as finding "
                        + "nothing: " + String.join(", ", failed) + " (a bug: please report it with the document)");
                return 1;
            }
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("dealgraph evaluate: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private static List<Fact> extract(Evaluation eval, Path texts, Set<RuleBasedExtractor.Part> without, PrintStream err,
                                      List<String> failed) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String doc : eval.docs()) {
            if (!Files.exists(texts.resolve(doc))) {
                missing.add(doc);
            }
        }
        if (!missing.isEmpty()) {
            err.println("dealgraph evaluate: " + missing.size() + " of " + eval.docs().size() + " texts are not in " + texts
                    + " (first: " + missing.get(0) + "); they score as documents with no facts found");
        }
        Set<RuleBasedExtractor.Part> parts = EnumSet.allOf(RuleBasedExtractor.Part.class);
        parts.removeAll(without);
        Extractor extractor = without.isEmpty() ? Extractors.ruleBased() : Extractors.withParts(parts);
        return eval.extract(texts, extractor, (doc, e) -> {
            failed.add(doc);
            err.println("dealgraph evaluate: extraction failed on " + doc + ": " + e);
        });
    }
}
