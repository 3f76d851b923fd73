package io.dealgraph.export;

import static io.dealgraph.export.ExportTesting.around;
import static io.dealgraph.export.ExportTesting.export;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Autowired
    IngestService ingest;

    @BeforeEach
    void seeds() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
    }

    @Test
    void theReportHasTheSummaryPicturesDealsAndSourcesAndNeedsNoNetwork() throws Exception {
        String html = new String(export(exporter, around("Anthropic", 2), ExportFormat.HTML), StandardCharsets.UTF_8);
        Files.createDirectories(DIR);
        Path file = DIR.resolve("anthropic-2.html");
        Files.writeString(file, html);

        assertThat(html).contains("<h1>Anthropic: 2-hop neighbourhood</h1>")
                .contains("Deals over time: investments and spend commitments").contains("<h2>Network</h2>")
                // self-contained: no script, no stylesheet or image fetched
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=\"http");
        // the deals table: each deal with the sentences its claims were read from, tranches under their deal
        String november = GraphFixtures.dealId(driver, "amazon", "anthropic", 4_000_000_000L, "2024-11");
        List<String> evidence = column("MATCH (c:Claim)-[:SUPPORTS]->(:Deal {id: $id}) RETURN c.evidence AS v", november);
        assertThat(evidence).isNotEmpty().allSatisfy(e -> assertThat(html).contains("<q>" + Html.escape(e) + "</q>"));
        String september = column("MATCH (d:Deal {id: $id}) RETURN d.label AS v",
                GraphFixtures.dealId(driver, "amazon", "anthropic", 4_000_000_000L, "2023-09")).get(0);
        String tranche = "tranche of " + Html.escape(september) + "<";
        assertThat((html.length() - html.replace(tranche, "").length()) / tranche.length()).as("the gold timeline's two tranches").isEqualTo(2);
        // the picture: Microsoft funds OpenAI, three hops from Anthropic; Nvidia's chips are not Anthropic's
        assertThat(html).contains(">Amazon Web Services</text>").doesNotContain(">Microsoft</text>").doesNotContain(">Nvidia</text>");

        // Sources by title or file and by day, cited by number from the evidence: the five articles, the dated one first.
        String title = column("MATCH (d:Document {published: '2024-11-22'}) RETURN d.title AS v").get(0);
        assertThat(html).contains("<li id=\"src-1\"><b>" + Html.escape(title) + "</b>")
                .contains("file 004_286039b3d84bfdbc.txt · published 2024-11-22")
                .contains("a file without a title · no date given; ingested "
                        + column("MATCH (d:Document) WHERE d.published IS NULL RETURN toString(date(min(d.ingestedAt))) AS v").get(0));
        for (int i = 1; i <= 5; i++) {
            assertThat(html).contains("<li id=\"src-" + i + "\">").contains("<a href=\"#src-" + i + "\">[" + i + "]</a>");
        }
        assertThat(html).doesNotContain("<li id=\"src-6\">");
        String facts = html.substring(html.indexOf("<h2>Other facts</h2>"), html.indexOf("<h2>Sources</h2>"));
        assertThat(facts.split("<tr>")).as("one row per fact").doesNotHaveDuplicates();

        JsonNode seen = render(file, DIR.resolve("anthropic-2-report.png"));
        assertThat(seen.path("title").asText()).startsWith("Anthropic: 2-hop neighbourhood");
        assertThat(seen.path("svgs")).hasSize(2);
        seen.path("svgs").forEach(s -> assertThat(s.path("width").asInt()).as("drawn width").isGreaterThan(600));
        BufferedImage image = ImageIO.read(DIR.resolve("anthropic-2-report.png").toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isGreaterThan(1500);
    }

    /**
     * A crowded timeline (eight investors in Anthropic within three months of each other, at close amounts) and the
     * parts of a report the seeds do not show: the legend says who invests and who commits spend, quotes lose their
     * markdown, and in Chromium no two texts of the timeline overlap, at 1280 px and at 420 px.
     */
    @Test
    void aCrowdedTimelineHasNoOverlappingTextsAndTheLegendGoesByRole() throws Exception {
        ReportGraph g = new ReportGraph();
        GraphNode anthropic = node("Company", "anthropic", Map.of("name", "Anthropic", "keys", List.of("anthropic")));
        GraphNode aws = node("Cloud", "amazon-web-services", Map.of("name", "Amazon Web Services", "keys", List.of("amazon web services")));
        GraphNode doc = node("Document", "doc-x", Map.of("name", "digest.md", "title", "A week of funding news",
                "url", "https://news.example.org/digest", "published", "2024-12-20"));
        g.node(anthropic);
        g.node(aws);
        g.node(doc);
        String[] investors = {"Amazon", "Google", "Menlo Ventures", "Spark Capital", "Salesforce Ventures", "Zoom Ventures",
                "SK Telecom", "Lightspeed Venture Partners"};
        int rel = 0;
        for (int i = 0; i < investors.length; i++) {
            String id = investors[i].toLowerCase().replace(' ', '-');
            GraphNode investor = node("Company", id, Map.of("name", investors[i], "keys", List.of(investors[i].toLowerCase())));
            String date = "2024-" + (10 + i % 3) + "-" + (10 + i);
            long usd = 1_000_000_000L + i * 150_000_000L;
            GraphNode deal = node("Deal", "deal-" + id, Map.of("type", "INVESTS_IN", "amountUsd", usd, "qualifier", "exact",
                    "date", date, "status", "announced", "label", ReportModel.money(usd) + " " + date), "Investment");
            GraphNode claim = node("Claim", "claim-" + id, Map.of("type", "INVESTS_IN", "amountUsd", usd,
                    "evidence", "- [" + investors[i] + "](https://news.example.org/" + id + ") invested " + ReportModel.money(usd) + " in Anthropic."));
            g.node(investor);
            g.node(deal);
            g.node(claim);
            g.relationship(new GraphRelationship("e" + rel++, "MADE", investor.ref(), deal.ref(), Map.of()));
            g.relationship(new GraphRelationship("e" + rel++, "TO", deal.ref(), anthropic.ref(), Map.of()));
            g.relationship(new GraphRelationship("e" + rel++, "SUPPORTS", claim.ref(), deal.ref(), Map.of()));
            g.relationship(new GraphRelationship("e" + rel++, "SOURCED_FROM", claim.ref(), doc.ref(), Map.of()));
            g.relationship(new GraphRelationship("e" + rel++, "INVESTS_IN", investor.ref(), anthropic.ref(), Map.of("totalUsd", usd)));
        }
        GraphNode spend = node("Deal", "deal-spend", Map.of("type", "COMMITS_SPEND_TO", "amountUsd", 2_000_000_000L, "qualifier", "exact",
                "date", "2024-11-20", "status", "announced", "label", "$2B 2024-11-20"), "SpendCommitment");
        g.node(spend);
        g.relationship(new GraphRelationship("e" + rel++, "MADE", anthropic.ref(), spend.ref(), Map.of()));
        g.relationship(new GraphRelationship("e" + rel++, "TO", spend.ref(), aws.ref(), Map.of()));
        String html = new Report(g, around("Anthropic", 2)).html();
        Files.createDirectories(DIR);
        Path file = DIR.resolve("crowded.html");
        Files.writeString(file, html);

        String timeline = html.substring(html.indexOf("Deals over time"), html.indexOf("</svg>", html.indexOf("Deals over time")));
        String investorsLegend = timeline.substring(timeline.indexOf(">Investors</text>"), timeline.indexOf(">Committing spend</text>"));
        assertThat(investorsLegend).contains(">Amazon</text>").doesNotContain(">Anthropic</text>");
        assertThat(timeline.substring(timeline.indexOf(">Committing spend</text>"))).contains(">Anthropic</text>");
        assertThat(html).contains("<q>Amazon invested $1B in Anthropic.</q>").doesNotContain("](https://news.example.org");

        JsonNode seen = render(file, DIR.resolve("crowded-report.png"));
        assertThat(seen.path("timelineTexts").asInt()).as("labels, axes and legend").isGreaterThan(20);
    }

    /**
     * The report in headless Chromium with the network off: it asks for nothing, raises no error, no two texts of its
     * timeline overlap as drawn, and neither at 1280 px nor at 420 px does the page scroll sideways.
     */
    private JsonNode render(Path file, Path shot) throws Exception {
        String chromium = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : onPath("chromium");
        String node = onPath("node");
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium != null && node != null
                && Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core")),
                "needs chromium, node and playwright-core (npm ci --prefix src/test/browser)");
        Files.deleteIfExists(shot);
        String stem = shot.getFileName().toString().replace(".png", "");
        Path out = DIR.resolve(stem + "-browser.out");
        ProcessBuilder pb = new ProcessBuilder(node, BROWSER_DIR.resolve("report.mjs").toString(), file.toString(), shot.toString())
                .redirectOutput(out.toFile()).redirectError(DIR.resolve(stem + "-browser.log").toFile());
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
        assertThat(seen.path("overlaps")).as("timeline texts drawn over each other").isEmpty();
        assertThat(seen.path("scrollWidth").asInt()).as("no horizontal scrolling").isLessThanOrEqualTo(seen.path("viewportWidth").asInt());
        assertThat(seen.path("narrow").path("scrollWidth").asInt()).as("no horizontal scrolling at 420 px")
                .isLessThanOrEqualTo(seen.path("narrow").path("viewportWidth").asInt());
        return seen;
    }

    static GraphNode node(String label, String id, Map<String, Object> properties, String... more) {
        List<String> labels = new java.util.ArrayList<>(List.of(label));
        labels.addAll(List.of(more));
        Map<String, Object> props = new java.util.TreeMap<>(properties);
        props.put("id", id);
        return new GraphNode(Ref.of(labels, id, id), labels, props);
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

    private List<String> column(String cypher, String... id) {
        return driver.executableQuery(cypher).withParameters(id.length == 0 ? Map.of() : Map.of("id", id[0])).execute()
                .records().stream().map(r -> r.get("v").asString()).toList();
    }

    private static String onPath(String command) {
        String path = System.getenv("PATH");
        return path == null ? null : Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, command))
                .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }
}
