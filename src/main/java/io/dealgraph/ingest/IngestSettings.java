package io.dealgraph.ingest;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code dealgraph.ingest.*}.
 *
 * @param maxDocumentSize larger inputs are refused whole, before they are read
 * @param batchSize documents written per transaction: larger batches write faster, a failed batch is retried
 *                  document by document so one bad document never costs the others
 * @param workers threads extracting facts while the previous batch is written (0: one per core)
 * @param watchDir a directory imported on start-up and then watched for new files; blank: none
 * @param watchInterval how often the watch directory is scanned
 * @param extractionBudget how long reading one document may take before it is refused (see {@link ExtractionBudget})
 */
@ConfigurationProperties("dealgraph.ingest")
public record IngestSettings(@DefaultValue("10MB") DataSize maxDocumentSize, @DefaultValue("256") int batchSize,
                             @DefaultValue("0") int workers, Path watchDir, @DefaultValue("10s") Duration watchInterval,
                             @DefaultValue("60s") Duration extractionBudget) {

    public IngestSettings {
        batchSize = Math.max(1, batchSize);
        if (workers <= 0) {
            workers = Runtime.getRuntime().availableProcessors();
        }
    }
}
