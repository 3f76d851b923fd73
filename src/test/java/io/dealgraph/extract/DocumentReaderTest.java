package io.dealgraph.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentReaderTest {

    @Test
    void frontMatterIsReadAndCutOff() {
        Document d = DocumentReader.fromText("a.md", "---\npublished: 2024-11-22\nurl: https://x\ntitle: \"T\"\n---\nBody.", null);
        assertThat(d.published()).isEqualTo(LocalDate.of(2024, 11, 22));
        assertThat(d.url()).isEqualTo("https://x");
        assertThat(d.title()).isEqualTo("T");
        assertThat(d.text()).isEqualTo("Body.");
    }

    @Test
    void plainTextIsKeptAsIsAndDefaultDateApplies() {
        Document d = DocumentReader.fromText("a.txt", "Just text.\n", LocalDate.of(2020, 1, 1));
        assertThat(d.text()).isEqualTo("Just text.\n");
        assertThat(d.published()).isEqualTo(LocalDate.of(2020, 1, 1));
    }

    @Test
    void htmlKeepsTheArticleOnly() {
        Document d = DocumentReader.fromHtml("a.html", null, null, null,
                "<html><head><script>var x='Evil Capital invested';</script></head><body><nav>Menu</nav>"
                        + "<article><h1>Title</h1><p>First para.</p><p>Second para.</p></article><footer>Foot</footer></body></html>", null);
        assertThat(d.text()).isEqualTo("Title\nFirst para.\nSecond para.\n");
    }

    @Test
    void theExampleHtmlPageKeepsItsCanonicalAddressTitleAndDay() throws IOException {
        List<Document> docs = DocumentReader.read(Path.of("examples/a.html"), null);
        assertThat(docs).singleElement().satisfies(d -> {
            assertThat(d.url()).isEqualTo("https://example.org/news/quillmoor-bio-series-a");
            assertThat(d.title()).isEqualTo("Quillmoor Bio gets $40 million from Saltmarsh Partners");
            assertThat(d.published()).isEqualTo(LocalDate.of(2024, 10, 3));
        });
    }

    @Test
    void aPageWithoutCanonicalLinkTakesItsOpenGraphAddressAndTitle() {
        Document d = DocumentReader.fromHtml("og.html", null, null, null, """
                <html><head><title>Lumen raises $5M | Daily Wire Site</title>
                <meta property="og:title" content="Lumen raises $5M">
                <meta property="og:url" content="https://news.example.com/2024/lumen-raises">
                </head><body><p>Lumen raised $5 million.</p></body></html>""", null);
        assertThat(d.url()).isEqualTo("https://news.example.com/2024/lumen-raises");
        assertThat(d.title()).as("og:title before the <title> with the site's name").isEqualTo("Lumen raises $5M");
    }

    @Test
    void theCanonicalLinkWinsOverOpenGraphAndAGivenAddressWinsOverBoth() {
        String html = """
                <html><head><title>Plain title</title>
                <meta property="og:url" content="https://news.example.com/amp/lumen">
                <link rel="canonical" href="https://news.example.com/lumen">
                </head><body><p>Lumen raised $5 million.</p></body></html>""";
        Document read = DocumentReader.fromHtml("c.html", null, null, null, html, null);
        assertThat(read.url()).isEqualTo("https://news.example.com/lumen");
        assertThat(read.title()).isEqualTo("Plain title");
        Document given = DocumentReader.fromHtml("c.html", "https://mirror.example.net/x", "Given", null, html, null);
        assertThat(given.url()).isEqualTo("https://mirror.example.net/x");
        assertThat(given.title()).isEqualTo("Given");
    }

    @Test
    void aRelativeOrFrontPageAddressIsNotTheDocumentsUrl() {
        // A front-page canonical is a template's: taken, every article of the site would be one document to ingest.
        Document frontPage = DocumentReader.fromHtml("f.html", null, null, null, """
                <html><head><link rel="canonical" href="https://news.example.com/">
                <meta property="og:url" content="/2024/lumen"></head><body><p>Text.</p></body></html>""", null);
        assertThat(frontPage.url()).isNull();
        Document relativeCanonical = DocumentReader.fromHtml("r.html", null, null, null, """
                <html><head><link rel="canonical" href="/2024/lumen">
                <meta property="og:url" content="https://news.example.com/2024/lumen"></head><body><p>Text.</p></body></html>""", null);
        assertThat(relativeCanonical.url()).isEqualTo("https://news.example.com/2024/lumen");
        Document none = DocumentReader.fromHtml("n.html", null, null, null, "<html><body><p>Text.</p></body></html>", null);
        assertThat(none.url()).isNull();
    }

    @Test
    void tablesAndListsReadAsBeforeWhenNestedOnce() {
        Document d = DocumentReader.fromHtml("a.html", null, null, null,
                "<body><ul><li>Outer item<ul><li>Inner item</li></ul></li></ul><table><tr><th>Company</th><td>Acme</td>"
                        + "<td></td><td>$5 million</td></tr></table><blockquote><p>Quoted.</p></blockquote></body>", null);
        assertThat(d.text()).isEqualTo("- Inner item\nCompany Acme $5 million\nQuoted.\n");
    }

    @Test
    void deeplyNestedMarkupYieldsNoMoreTextThanThePageHas() {
        // each level's text used to be read again by every level around it: 2,000 nested tables made 46 million characters
        String tables = "<table><tr><td>Acme raised $5 million ".repeat(2_000) + "</td></tr></table>".repeat(2_000);
        String quotes = "<blockquote>Acme raised $5 million ".repeat(2_000) + "</blockquote>".repeat(2_000);
        String lists = "<div><ul><li>Acme raised $5 million ".repeat(2_000) + "</li></ul></div>".repeat(2_000);
        for (String html : List.of(tables, quotes, lists)) {
            Document d = DocumentReader.fromHtml("nested.html", null, null, null, html, null);
            assertThat(d.text()).contains("Acme raised $5 million");
            assertThat(d.text().length()).isLessThanOrEqualTo(2 * html.length());
        }
    }

    @Test
    void markdownLinksAndImagesAreReadAsTheRegularExpressionsReadThem() {
        // the one-pass scan must find exactly what a search with the plain patterns finds
        java.util.regex.Pattern image = java.util.regex.Pattern.compile("!\\[[^\\]\\n]{0,300}\\]\\([^)\\s]{0,500}\\)");
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("\\[([^\\]\\n]{1,300})\\]\\((?:https?://|/|#)[^)\\s]{0,500}\\)");
        String[] pieces = {"[", "]", "(", ")", "!", "\n", "a", " ", "https://x", "/", "#", "](", "![", "[Acme](https://acme.ai)"};
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 3_000; round++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + random.nextInt(40);
            for (int k = 0; k < parts; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            if (random.nextInt(10) == 0) {
                sb.insert(random.nextInt(sb.length() + 1), "a".repeat(295 + random.nextInt(10)));
            }
            String text = sb.toString();
            String expected = link.matcher(image.matcher(text).replaceAll("")).replaceAll("$1");
            assertThat(DocumentReader.plain(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void aRunOfBracketsIsReadInOnePass() {
        String brackets = "[".repeat(2_000_000) + "![".repeat(1_000_000);
        assertThat(DocumentReader.plain(brackets)).isEqualTo(brackets);
        assertThat(DocumentReader.plain("[".repeat(50_000) + "Acme](https://acme.ai) raised")).isEqualTo("[".repeat(49_999) + "Acme raised");
    }

    @Test
    void jsonRecordsAndLines(@TempDir Path dir) throws IOException {
        Path jl = dir.resolve("docs.jsonl");
        Files.writeString(jl, "{\"id\":\"a\",\"published\":\"2024-01-02\",\"text\":\"One.\"}\n{\"id\":\"b\",\"html\":\"<p>Two.</p>\"}\n");
        List<Document> docs = DocumentReader.read(jl, null);
        assertThat(docs).extracting(Document::id).containsExactly("a", "b");
        assertThat(docs.get(0).published()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(docs.get(1).text()).isEqualTo("Two.\n");
    }

    @Test
    void collectSkipsGoldAndUnknownFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "x");
        Files.writeString(dir.resolve("a.gold.json"), "{}");
        Files.writeString(dir.resolve("b.pdf"), "x");
        assertThat(DocumentReader.collect(List.of(dir))).extracting(p -> p.getFileName().toString()).containsExactly("a.txt");
        assertThatThrownBy(() -> DocumentReader.collect(List.of(dir.resolve("missing")))).isInstanceOf(IOException.class);
    }

    @Test
    void aDocumentWithoutMetadataIsNamedByItsHeadline() {
        Document d = DocumentReader.fromText("a.md", "# Lumen Bio raises €40 million for enzyme plant\n\nBERLIN — Lumen Bio said on Monday...", null);
        assertThat(d.title()).isEqualTo("Lumen Bio raises €40 million for enzyme plant");
        assertThat(DocumentReader.fromText("b.txt", "Lumen Bio raised money on Monday from two funds.\nMore text.", null).title())
                .as("a first line that is a sentence is no headline").isNull();
        assertThat(DocumentReader.fromText("c.txt", "By Jane Doe\nMore text.", null).title()).isNull();
        assertThat(DocumentReader.fromText("d.txt", "Get our FREE newsletter, click here to subscribe now\n"
                + "Acme Robotics Raises $20 Million to Build Warehouse Arms\n\nAcme Robotics Raises $20 Million to Build Warehouse Arms\n"
                + "March 3, 2025\nAcme said on Monday it raised money.", null).title())
                .as("past the banner, the line the page prints twice").isEqualTo("Acme Robotics Raises $20 Million to Build Warehouse Arms");
        assertThat(DocumentReader.fromText("e.txt", "Detailed Analysis\nAcme and Beta formalised a deal through a $5 million investment.", null).title())
                .as("a section label is no headline").isNull();
    }
}
