package io.dealgraph.export;

import java.io.IOException;
import java.io.OutputStream;

final class Report {
    Report(ReportGraph graph, Selection selection) {
    }

    void writeHtml(OutputStream out) throws IOException {
        throw new UnsupportedOperationException();
    }

    void writeSvg(OutputStream out) throws IOException {
        throw new UnsupportedOperationException();
    }

    void writePng(OutputStream out) throws IOException {
        throw new UnsupportedOperationException();
    }
}
