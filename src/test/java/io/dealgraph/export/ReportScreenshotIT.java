package io.dealgraph.export;

import static io.dealgraph.export.ExportTesting.around;
import static io.dealgraph.export.ExportTesting.export;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The HTML report, SVG and PNG of Anthropic's neighbourhood: their content, and the report as headless Chromium
 * shows it with the network off (screenshot in target/report/; the Chromium part skips without Chromium, node
 * or playwright-core).
 */
@EmbeddedStoreTest
class ReportScreenshotIT {

    static final Path DIR = Path.of("target/report");
    static final Path BROWSER_DIR = Path.of("src/test/browser");

    @Autowired
    Driver driver;

    @Autowired
    Exporter exporter;

    @BeforeEach
    void seeds() {
        GraphFixtures.loadSeedsGraph(driver);
    }

    @Test
    void theReportHasTheSummaryPicturesDealsAndSourcesAndNeedsNoNetwork() throws Exception {
        String html = new String(export(exporter, around("Anthropic", 2), ExportFormat.HTML), StandardCharsets.UTF_8);
        Files.createDirectories(DIR);
        Path file = DIR.resolve("anthropic-2.html");
        Files.writeString(file, html);

        assertThat(html).contains("<h1>Anthropic: 2-hop neighbourhood</h1>")
                .contains("Deals over time per investor").contains("<h2>Network</h2>")
                // the deals table with its evidence and sources
                .contains("Amazon just announced an additional $4 billion investment in Anthropic.")
                .contains("href=\"https://example.com/tech/amazon-4b-anthropic\"")
                .contains("tranche of up to $4B 2023-09")
                // self-contained: no script, no stylesheet or image fetched
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=\"http");
        assertThat(html).doesNotContain("Microsoft").doesNotContain("Nvidia");

        String chromium = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : onPath("chromium");
        String node = onPath("node");
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium != null && node != null
                && Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core")),
                "needs chromium, node and playwright-core (npm ci --prefix src/test/browser)");
        Path shot = DIR.resolve("anthropic-2-report.png");
        Files.deleteIfExists(shot);
        Path out = DIR.resolve("report-browser.out");
        ProcessBuilder pb = new ProcessBuilder(node, BROWSER_DIR.resolve("report.mjs").toString(), file.toString(), shot.toString())
                .redirectOutput(out.toFile()).redirectError(DIR.resolve("report-browser.log").toFile());
        pb.environment().put("CHROMIUM", chromium);
        Process p = pb.start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("report.mjs finished").isTrue();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String line = Files.readAllLines(out).stream().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
        JsonNode seen = ExportTesting.JSON.readTree(line);
        assertThat(seen.path("error").isNull()).as(line).isTrue();
        assertThat(seen.path("requests")).as("requests beyond the file").isEmpty();
        assertThat(seen.path("pageErrors")).isEmpty();
        assertThat(seen.path("title").asText()).startsWith("Anthropic: 2-hop neighbourhood");
        assertThat(seen.path("svgs")).hasSize(2);
        seen.path("svgs").forEach(s -> assertThat(s.path("width").asInt()).as("drawn width").isGreaterThan(600));
        assertThat(seen.path("scrollWidth").asInt()).as("no horizontal scrolling").isLessThanOrEqualTo(seen.path("viewportWidth").asInt());
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isGreaterThan(1500);
    }

    @Test
    void svgAndPngAreTheNetworkPictureAlone() throws Exception {
        String svg = new String(export(exporter, around("Anthropic", 2), ExportFormat.SVG), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        // Entities coloured by type as in dealgraph.grass, money labelled with its sum.
        assertThat(svg).contains("fill=\"#4C8EDA\"").contains("fill=\"#F79767\"").contains("fill=\"#57C7E3\"")
                .contains(">Amazon Web Services</text>").contains(">$13B</text>").contains(">$100B</text>");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        byte[] png = export(exporter, around("Anthropic", 2), ExportFormat.PNG);
        Files.createDirectories(DIR);
        Files.write(DIR.resolve("anthropic-2.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isGreaterThan(1000);
        // Same picture, twice: the layout is deterministic.
        assertThat(export(exporter, around("Anthropic", 2), ExportFormat.SVG)).isEqualTo(svg.getBytes(StandardCharsets.UTF_8));
        // and the PNG is that picture drawn: companies, clouds and chips in their colours
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertThat(colours).contains(0x4C8EDA, 0xF79767, 0x57C7E3);
    }

    private static String onPath(String command) {
        String path = System.getenv("PATH");
        return path == null ? null : Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, command))
                .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }
}
