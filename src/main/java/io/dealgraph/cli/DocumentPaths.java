package io.dealgraph.cli;

import io.dealgraph.extract.DocumentReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine;

/** The documents {@code extract} and {@code ingest} read: paths, and the day for those that give none. */
final class DocumentPaths {

    @CommandLine.Option(names = "--published", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class,
            description = "publication date for documents that state none")
    LocalDate published;

    @CommandLine.Parameters(paramLabel = "PATH", arity = "1..*",
            description = "files or directories (recursive) of .txt .md .markdown .html .htm .json .jsonl; *.gold.json skipped")
    List<Path> paths;

    /** Every document file under the paths; a path that does not exist is an IOException saying so. */
    List<Path> files() throws IOException {
        return DocumentReader.collect(paths);
    }
}
