package io.dealgraph.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the export.
 *
 * @param maxElements       nodes plus relationships one export may hold; larger selections are refused (413)
 * @param maxReportElements the same for html, svg and png, which lay the subgraph out in memory
 */
@ConfigurationProperties("dealgraph.export")
public record ExportSettings(long maxElements, long maxReportElements) {

    public ExportSettings {
        maxElements = maxElements <= 0 ? 200_000 : maxElements;
        maxReportElements = maxReportElements <= 0 ? 20_000 : maxReportElements;
    }
}
