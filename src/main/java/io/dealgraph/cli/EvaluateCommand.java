package io.dealgraph.cli;

import io.dealgraph.extract.Evaluation;
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
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "score the extractor against gold files: evaluate --gold DIR [--corpus DIR] [--summary]";
    }

    @Override
    public String usage() {
        return "usage: dealgraph evaluate --gold DIR [--corpus DIR] [--facts FILE] [--without PART,...] [--summary]\n"
                + "       dealgraph evaluate --timeline FILE [--gold DIR] (--corpus DIR [--from-gold] | --graph EXPORT.json) [--summary]\n"
                + "  --gold: a folder of gold files (*.gold.json, see shared/corpus/README.md)\n"
                + "  --corpus: the folder holding the texts the gold files name (default: the gold folder)\n"
                + "  --facts: score this JSON-lines file of facts (the extract command's output) instead of extracting\n"
                + "  --without: leave parts of the pipeline out: ner, parser, context-rules\n"
                + "  --summary: scores only, no misses and extras (for a blind set)\n"
                + "  --from-gold: with --timeline, ingest the gold files' facts instead of extracting: what the graph makes\n"
                + "    of perfect facts (reconciliation apart from extraction)\n"
                + "  --timeline: score the deals of a graph against a gold timeline (shared/corpus/score_timeline.py): the\n"
                + "    corpus is ingested into a temporary embedded store and exported, or --graph names an export\n"
                + "    (GET /api/export?format=json&provenance=false); --gold then only lends its aliases";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path gold = null;
        Path corpus = null;
        Path factsFile = null;
        Path timeline = null;
        Path graph = null;
        boolean fromGold = false;
        boolean summary = false;
        Set<RuleBasedExtractor.Part> without = EnumSet.noneOf(RuleBasedExtractor.Part.class);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--gold" -> gold = Path.of(ExtractCommand.value(args, ++i, a));
                case "--corpus" -> corpus = Path.of(ExtractCommand.value(args, ++i, a));
                case "--facts" -> factsFile = Path.of(ExtractCommand.value(args, ++i, a));
                case "--without" -> without = ExtractCommand.parts(ExtractCommand.value(args, ++i, a));
                case "--summary" -> summary = true;
                case "--timeline" -> timeline = Path.of(ExtractCommand.value(args, ++i, a));
                case "--graph" -> graph = Path.of(ExtractCommand.value(args, ++i, a));
                case "--from-gold" -> fromGold = true;
                default -> throw new UsageException("unknown argument " + a);
            }
        }
        if (timeline != null) {
            if (graph == null && corpus == null) {
                throw new UsageException("--timeline needs --corpus DIR (texts to ingest) or --graph FILE (an export)");
            }
            if (fromGold && (corpus == null || gold == null)) {
                throw new UsageException("--from-gold needs --gold DIR and --corpus DIR");
            }
            return TimelineEvaluation.run(timeline, gold, corpus, graph, fromGold, summary, out, err);
        }
        if (gold == null) {
            throw new UsageException("no --gold folder given");
        }
        if (!Files.isDirectory(gold)) {
            err.println("dealgraph evaluate: no folder " + gold);
            return 1;
        }
        Path texts = corpus == null ? gold : corpus;
        if (factsFile == null && !Files.isDirectory(texts)) {
            err.println("dealgraph evaluate: no folder " + texts);
            return 1;
        }
        try {
            Evaluation eval = Evaluation.load(gold);
            if (eval.docs().isEmpty()) {
                err.println("dealgraph evaluate: no gold files in " + gold);
                return 1;
            }
            List<Fact> facts;
            if (factsFile != null) {
                facts = Evaluation.readFacts(factsFile);
            } else {
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
                facts = eval.extract(texts, extractor);
            }
            Map<String, Evaluation.Score> report = eval.report(facts);
            out.println("evaluate: " + eval.docs().size() + " documents, gold " + gold + (factsFile != null ? ", facts " + factsFile
                    : ", texts " + texts) + (without.isEmpty() ? "" : ", without " + without));
            report.forEach((k, s) -> out.printf("  %-17s %s%n", k, s.line()));
            if (!summary) {
                Evaluation.Score deals = report.get("DEALS");
                Evaluation.Score other = report.get("CHIPS_CLOUDS");
                deals.misses().forEach(m -> out.println("  miss  " + m));
                deals.extras().forEach(m -> out.println("  extra " + m));
                other.misses().forEach(m -> out.println("  miss  " + m));
                other.extras().forEach(m -> out.println("  extra " + m));
            }
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("dealgraph evaluate: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }
}
