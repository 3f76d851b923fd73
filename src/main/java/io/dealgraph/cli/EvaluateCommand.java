package io.dealgraph.cli;

import io.dealgraph.devtools.evaluation.ExtractionEvaluation;
import io.dealgraph.devtools.evaluation.TimelineEvaluation;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine;

/** {@code evaluate}: the extractor scored against gold files, or a graph's deals against a gold timeline. */
@CommandLine.Command(name = "evaluate",
        description = {"score the extractor against gold files, or the graph's deals against a gold timeline",
                "Two ways to call it:",
                "  evaluate --gold DIR [--corpus DIR] [--facts FILE] [--without PART,...] [--summary]",
                "  evaluate --timeline FILE [--gold DIR] (--corpus DIR [--from-gold] | --graph EXPORT.json) [--summary]"})
final class EvaluateCommand extends Subcommand {

    @CommandLine.Option(names = "--gold", paramLabel = "DIR", description = "a folder of gold files (*.gold.json, see shared/corpus/README.md)")
    Path gold;

    @CommandLine.Option(names = "--corpus", paramLabel = "DIR", description = "the folder holding the texts the gold files name (default: the gold folder)")
    Path corpus;

    @CommandLine.Option(names = "--facts", paramLabel = "FILE",
            description = "score this JSON-lines file of facts (the extract command's output) instead of extracting")
    Path facts;

    @CommandLine.Mixin
    ExtractCommand.Without without;

    @CommandLine.Option(names = "--summary", description = "scores only, no misses and extras (for a blind set)")
    boolean summary;

    @CommandLine.Option(names = "--timeline", paramLabel = "FILE",
            description = "score the deals of a graph against a gold timeline (shared/corpus/score_timeline.py): the corpus is "
                    + "ingested into a temporary embedded store and exported, or --graph names an export "
                    + "(GET /api/export?format=json&provenance=false); --gold then only lends its aliases")
    Path timeline;

    @CommandLine.Option(names = "--graph", paramLabel = "EXPORT.json", description = "with --timeline: score this export instead of ingesting --corpus")
    Path graph;

    @CommandLine.Option(names = "--from-gold",
            description = "with --timeline: ingest the gold files' facts instead of extracting (reconciliation apart from extraction)")
    boolean fromGold;

    EvaluateCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        if (timeline != null) {
            if (graph == null && corpus == null) {
                throw usage("--timeline needs --corpus DIR (texts to ingest) or --graph FILE (an export)");
            }
            if (fromGold && (corpus == null || gold == null)) {
                throw usage("--from-gold needs --gold DIR and --corpus DIR");
            }
            return TimelineEvaluation.run(timeline, gold, corpus, graph, fromGold, summary, out, err);
        }
        if (gold == null) {
            throw usage("no --gold folder given");
        }
        return ExtractionEvaluation.run(gold, corpus, facts, without.parts(), summary, out, err);
    }
}
