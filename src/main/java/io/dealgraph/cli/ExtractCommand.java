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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code extract}: facts from documents, as JSON lines or a table; no database, no Spring. */
final class ExtractCommand implements Command {

    @Override
    public String name() {
        return "extract";
    }

    @Override
    public String summary() {
        return "extract investment, cloud and chip facts from news documents";
    }

    @Override
    public String usage() {
        return "usage: dealgraph extract [--format jsonl|table] [--published YYYY-MM-DD] [--without PART,...] PATH...\n"
                + "  PATH: files or directories (recursive) of .txt .md .markdown .html .htm .json .jsonl; *.gold.json skipped\n"
                + "  --published: publication date for documents that state none\n"
                + "  --without: leave parts of the pipeline out, to measure what they bring: ner, parser, deal-word-parsing\n"
                + "    (the parser then reads only sentences with a figure), context-rules";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String format = "jsonl";
        LocalDate published = null;
        java.util.Set<RuleBasedExtractor.Part> without = java.util.EnumSet.noneOf(RuleBasedExtractor.Part.class);
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--format" -> {
                    format = value(args, ++i, a);
                    if (!format.equals("jsonl") && !format.equals("table")) {
                        throw new UsageException("--format must be jsonl or table, not '" + format + "'");
                    }
                }
                case "--published" -> published = ExtractCommand.date(ExtractCommand.value(args, ++i, a), a);
                case "--without" -> without = parts(value(args, ++i, a));
                default -> {
                    if (a.startsWith("--")) {
                        throw new UsageException("unknown option " + a);
                    }
                    paths.add(Path.of(a));
                }
            }
        }
        if (paths.isEmpty()) {
            throw new UsageException("no input PATH given");
        }
        java.util.Set<RuleBasedExtractor.Part> parts = java.util.EnumSet.allOf(RuleBasedExtractor.Part.class);
        parts.removeAll(without);
        Extractor extractor = without.isEmpty() ? Extractors.ruleBased() : Extractors.withParts(parts);
        List<Fact> all = new ArrayList<>();
        try {
            for (Path file : DocumentReader.collect(paths)) {
                for (Document doc : DocumentReader.read(file, published)) {
                    List<Fact> facts = extractor.extract(doc);
                    if (format.equals("jsonl")) {
                        facts.forEach(f -> out.println(FactFormat.jsonLine(f)));
                    } else {
                        all.addAll(facts);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("dealgraph extract: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
        if (format.equals("table")) {
            FactFormat.table(all).forEach(out::println);
        }
        out.flush();
        return 0;
    }

    /** "ner,parser" → the parts named; an unknown name is a usage error. */
    static java.util.Set<RuleBasedExtractor.Part> parts(String list) {
        java.util.Set<RuleBasedExtractor.Part> out = java.util.EnumSet.noneOf(RuleBasedExtractor.Part.class);
        for (String p : list.split(",")) {
            String k = p.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            try {
                out.add(RuleBasedExtractor.Part.valueOf(k));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--without takes ner, parser, deal-word-parsing and context-rules, not '" + p.trim() + "'");
            }
        }
        return out;
    }

    static LocalDate date(String v, String option) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " needs a date YYYY-MM-DD, not '" + v + "'");
        }
    }

    static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }
}
