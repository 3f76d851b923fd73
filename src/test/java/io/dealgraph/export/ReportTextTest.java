package io.dealgraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the report shows evidence sentences and names its sources. */
class ReportTextTest {

    @Test
    void markdownLinksBecomeTheirText() {
        assertThat(Report.quote("[Harbor Peak](https://example.org/hp) led the round in [Northwind](/companies/northwind)."))
                .isEqualTo("Harbor Peak led the round in Northwind.");
        assertThat(Report.quote("See ![chart](https://example.org/c.png) for the split."))
                .isEqualTo("See chart for the split.");
        // a sentence cut inside a link keeps the words and loses the debris
        assertThat(Report.quote("Brambleton invested $75 million](https://example.org/news/orchard) in Orchard Line."))
                .isEqualTo("Brambleton invested $75 million in Orchard Line.");
        assertThat(Report.quote("As [reported earlier, Kestrel Steel invested $25 million"))
                .isEqualTo("As reported earlier, Kestrel Steel invested $25 million");
    }

    @Test
    void tableRowsBulletsAndMarkupAreTidied() {
        assertThat(Report.quote("| Saltmarsh Partners | Quillmoor Bio | $40M | Series A |"))
                .isEqualTo("Saltmarsh Partners · Quillmoor Bio · $40M · Series A");
        assertThat(Report.quote("|---|:---:|---|")).isEmpty();
        assertThat(Report.quote("- Gorse Hill Ventures led a $6 million seed round.")).isEqualTo("Gorse Hill Ventures led a $6 million seed round.");
        assertThat(Report.quote("  • **Lattice Ventures** joined the round.")).isEqualTo("Lattice Ventures joined the round.");
        assertThat(Report.quote("3. Kestrel Steel invested $25 million.")).isEqualTo("Kestrel Steel invested $25 million.");
        assertThat(Report.quote("## Deal terms:   `$120M`\nled by Harbor Peak")).isEqualTo("Deal terms: $120M led by Harbor Peak");
        // what is not markup stays
        assertThat(Report.quote("The fund - a $2.5B vehicle - invested 3.5% more.")).isEqualTo("The fund - a $2.5B vehicle - invested 3.5% more.");
    }

    @Test
    void sourcesAreNamedByTitleOutletAndDay() {
        GraphNode titled = doc(Map.of("id", "a1", "title", "Quillmoor Bio gets $40 million", "url", "https://www.example.org/news/q",
                "published", "2024-10-03", "name", "a.html", "ingestedAt", "2026-12-06T12:53:20Z"));
        GraphNode file = doc(Map.of("id", "b2", "name", "000_dce852af84df194a.txt", "ingestedAt", "2026-12-06T12:53:03Z"));
        assertThat(Report.sourceTitle(titled)).isEqualTo("Quillmoor Bio gets $40 million");
        assertThat(Report.outlet("https://www.example.org/news/q")).isEqualTo("example.org");
        assertThat(Report.outlet("not a url")).isNull();
        assertThat(Report.day(titled)).isEqualTo("2024-10-03");
        assertThat(Report.sourceTitle(file)).isEqualTo("000_dce852af84df194a.txt");
        assertThat(Report.day(file)).isEqualTo("2026-12-06");
        assertThat(Report.shortTitle(doc(Map.of("id", "c3", "title", "A very long headline about a company that raised money from many investors at once"))))
                .hasSizeLessThanOrEqualTo(60).endsWith("…");
    }

    static GraphNode doc(Map<String, Object> properties) {
        return new GraphNode(Ref.of(List.of("Document"), properties.get("id"), "x"), List.of("Document"), properties);
    }
}
