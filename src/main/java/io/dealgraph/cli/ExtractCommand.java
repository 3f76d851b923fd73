package io.dealgraph.cli;

import io.dealgraph.extract.Document;
import io.dealgraph.extract.DocumentReader;
import io.dealgraph.extract.Extractor;
import io.dealgraph.extract.Extractors;
import io.dealgraph.extract.Fact;
import io.dealgraph.extract.FactFormat;
import io.dealgraph.extract.RuleBasedExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** {@code extract}: facts from documents, as JSON lines or a table; no database, no Spring. */
@CommandLine.Command(name = "extract", description = "extract investment, cloud and chip facts from news documents")
final class ExtractCommand extends Subcommand {

    enum Format { jsonl, table }

    @CommandLine.Option(names = "--format", paramLabel = "jsonl|table", defaultValue = "jsonl",
            description = "one JSON line per fact (the format of shared/corpus/README.md), or a table; default ${DEFAULT-VALUE}")
    Format format;

    @CommandLine.Mixin
    DocumentPaths documents;

    @CommandLine.Mixin
    Without without;

    ExtractCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        Extractor extractor = without.extractor();
        List<Fact> all = new ArrayList<>();
        try {
            for (Path file : documents.files()) {
                for (Document doc : DocumentReader.read(file, documents.published)) {
                    List<Fact> facts = extractor.extract(doc);
                    if (format == Format.jsonl) {
                        facts.forEach(f -> out.println(FactFormat.jsonLine(f)));
                    } else {
                        all.addAll(facts);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        if (format == Format.table) {
            FactFormat.table(all).forEach(out::println);
        }
        out.flush();
        return 0;
    }

    /** {@code --without PART,...}: parts of the pipeline left out, to measure what each brings. */
    static final class Without {
        @CommandLine.Option(names = "--without", paramLabel = "PART", split = ",", converter = Converters.Part.class,
                description = "leave parts of the pipeline out, to measure what they bring: ner, parser, "
                        + "deal-word-parsing (the parser then reads only sentences with a figure), context-rules")
        Set<RuleBasedExtractor.Part> parts = EnumSet.noneOf(RuleBasedExtractor.Part.class);

        Set<RuleBasedExtractor.Part> parts() {
            return parts.isEmpty() ? EnumSet.noneOf(RuleBasedExtractor.Part.class) : EnumSet.copyOf(parts);
        }

        Extractor extractor() {
            if (parts.isEmpty()) {
                return Extractors.ruleBased();
            }
            Set<RuleBasedExtractor.Part> kept = EnumSet.allOf(RuleBasedExtractor.Part.class);
            kept.removeAll(parts);
            return Extractors.withParts(kept);
        }
    }
}
