package io.dealgraph.extract;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads documents from files: plain text and Markdown (optional front matter), HTML (article text only), and JSON or
 * JSON-lines records. Plain text is kept byte-for-byte as the document text, so fact offsets can be checked against
 * the file.
 */
public final class DocumentReader {

    /** Strict: text after the JSON value is an error, not silently dropped (a second record pasted after the first). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\r?\\n(.*?)\\r?\\n---\\r?\\n", Pattern.DOTALL);
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final List<String> EXTENSIONS = List.of(".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson");

    private DocumentReader() {
    }

    /** The readable files under the given paths, recursively, sorted; gold annotations are skipped. */
    public static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IOException("no such file or directory: " + p);
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(DocumentReader::readable).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static boolean readable(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.endsWith(".gold.json") && EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    /** Reads one file into documents; {@code defaultPublished} applies when neither metadata nor text give a date. */
    public static List<Document> read(Path file, LocalDate defaultPublished) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new IOException("cannot read " + file);
        }
        // lenient decoding: a stray non-UTF-8 byte becomes U+FFFD instead of failing the whole file
        return parse(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8), defaultPublished);
    }

    /**
     * Reads content that has already been loaded, choosing the format by the name's extension as {@link #read}
     * does ({@code .jsonl}, {@code .json}, {@code .html}/{@code .htm}, anything else as text or Markdown).
     *
     * @throws IOException for JSON that does not parse
     */
    public static List<Document> parse(String name, String content, LocalDate defaultPublished) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        List<Document> docs = new ArrayList<>();
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            int line = 0;
            for (String l : content.split("\\r?\\n")) {
                line++;
                if (!l.isBlank()) {
                    docs.add(record(parse(l, name + ":" + line), name + ":" + line, defaultPublished));
                }
            }
        } else if (lower.endsWith(".json")) {
            JsonNode root = parse(content, name);
            if (root.isArray()) {
                int i = 0;
                for (JsonNode n : root) {
                    docs.add(record(n, name + "#" + i++, defaultPublished));
                }
            } else {
                docs.add(record(root, name, defaultPublished));
            }
        } else if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            docs.add(fromHtml(name, null, null, null, content, defaultPublished));
        } else {
            docs.add(fromText(name, content, defaultPublished));
        }
        return docs;
    }

    private static JsonNode parse(String json, String where) throws IOException {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String place = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new IOException("invalid JSON in " + where + place + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new IOException("invalid JSON in " + where + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Text or Markdown. Front matter is cut off the text and read for published/url/title. */
    public static Document fromText(String id, String content, LocalDate defaultPublished) {
        String url = null;
        String title = null;
        LocalDate published = null;
        String text = content;
        Matcher fm = FRONT_MATTER.matcher(content);
        if (fm.find()) {
            for (String l : fm.group(1).split("\\r?\\n")) {
                int c = l.indexOf(':');
                if (c < 0) {
                    continue;
                }
                String k = l.substring(0, c).trim().toLowerCase(Locale.ROOT);
                String v = unquote(l.substring(c + 1).trim());
                switch (k) {
                    case "published", "date", "published_at" -> published = date(v);
                    case "url", "link" -> url = v;
                    case "title" -> title = v;
                    default -> { }
                }
            }
            text = content.substring(fm.end());
        }
        text = plain(text);
        if (published == null) {
            published = Dates.dateline(text);
        }
        if (title == null) {
            title = headline(text);
        }
        return new Document(id, url, title, published != null ? published : defaultPublished, text);
    }

    private static final Pattern HEADLINE_DEBRIS = Pattern.compile("^[#>*\\-•|\\s]+|[*|\\s]+$");
    private static final Pattern PROMOTION = Pattern.compile(
            "(?i)\\b(click|subscribe|sign up|sign in|log in|newsletter|cookies?|advertisement|free trial|book ?here)\\b");

    /**
     * The text's headline when no metadata names the document: among its first lines, one that reads as a headline
     * (five to thirty words, no closing full stop, no byline, date, promotion or section label such as
     * "Introduction"); a line the page repeats is preferred, as pages often print the headline twice. Null when the
     * text starts with its body.
     */
    static String headline(String text) {
        List<String> lines = new ArrayList<>();
        int pos = 0;
        while (lines.size() < 8 && pos < text.length()) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = text.length();
            }
            String l = HEADLINE_DEBRIS.matcher(text.substring(pos, Math.min(eol, pos + 400))).replaceAll("").strip();
            pos = eol + 1;
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        String first = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int words = l.split("\\s+").length;
            if (words <= 3 || PROMOTION.matcher(l).find() || l.startsWith("By ") || Dates.dateline(l) != null) {
                continue; // a section label, a banner, a byline or a date: look further
            }
            if (l.endsWith(".") || words > 30) {
                break; // the body has started
            }
            if (lines.subList(i + 1, lines.size()).contains(l)) {
                return l;
            }
            if (first == null) {
                first = l;
            }
        }
        return first;
    }

    private static final Pattern HTML_BREAK = Pattern.compile("(?i)<(?:br|/p|/div|/li|/h[1-6])\\s*/?>");
    // Possessive runs: each stops at the one character that may follow it, so giving characters back could never
    // make a match, only cost the length of the run again at every start.
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*+(?:\\s[^<>]{0,500}+)?/?>");
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[[^\\]\\n]{0,300}+\\]\\([^)\\s]{0,500}+\\)");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]\\n]{1,300}+)\\]\\((?:https?://|/|#)[^)\\s]{0,500}+\\)");
    private static final Map<String, String> ENTITIES = Map.of("&amp;", "&", "&nbsp;", " ", "&quot;", "\"", "&#39;", "'",
            "&rsquo;", "’", "&lsquo;", "‘", "&ldquo;", "“", "&rdquo;", "”", "&ndash;", "–", "&mdash;", "—");

    /**
     * Text as a reader sees it: inline HTML tags, Markdown link targets and images that pasted articles carry are
     * dropped, their words kept ("<a href=…>Tokamak Energy</a>" and "[Tokamak Energy](https://…)" read "Tokamak
     * Energy"), so that names, sentences and evidence quotes are free of markup.
     */
    static String plain(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('[') < 0 && text.indexOf('&') < 0) {
            return text;
        }
        String t = HTML_BREAK.matcher(text).replaceAll("\n");
        t = HTML_TAG.matcher(t).replaceAll("");
        t = bracketed(t, MD_IMAGE, "!", 0, 0);
        t = bracketed(t, MD_LINK, "", 1, 1);
        if (t.indexOf('&') >= 0) {
            for (Map.Entry<String, String> e : ENTITIES.entrySet()) {
                t = t.replace(e.getKey(), e.getValue());
            }
        }
        return t;
    }

    /**
     * What {@code pattern.matcher(text).replaceAll} gives with group {@code keep} (0: nothing) as the replacement, for a
     * Markdown link or image pattern: {@code prefix}, then
     * "[", at least {@code least} and at most 300 characters that are neither "]" nor a line break, "](", a target
     * and ")". A match can start only at a "[" whose next "]" comes before any line break, within 300 characters, and
     * is followed by "("; the next "]" or line break is carried along the scan, so such starts are found in one pass,
     * and a target that did not fit is not tried again for every "[" before the same "]". A regular expression's
     * search tried each "[" and read up to 300 characters from it: minutes for a few megabytes of brackets.
     */
    private static String bracketed(String text, Pattern pattern, String prefix, int least, int keep) {
        int n = text.length();
        Matcher m = pattern.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int stop = -1; // the first "]" or line break at or after the current bracket's content
        int failedStop = -1;
        for (int p = text.indexOf('[', prefix.length()); p >= 0; p = text.indexOf('[', p + 1)) {
            int start = p - prefix.length();
            if (start < copied || !text.startsWith(prefix, start)) {
                continue;
            }
            if (stop <= p) {
                stop = p + 1;
                while (stop < n && text.charAt(stop) != ']' && text.charAt(stop) != '\n') {
                    stop++;
                }
            }
            int content = stop - (p + 1);
            if (stop >= n - 1 || text.charAt(stop) != ']' || text.charAt(stop + 1) != '(' || content < least || content > 300
                    || stop == failedStop) {
                continue;
            }
            m.region(start, n);
            if (!m.lookingAt()) {
                failedStop = stop; // the target after this "]" does not fit; no other "[" before it can do better
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(text, copied, start);
            if (keep > 0) {
                out.append(m.group(keep));
            }
            copied = m.end();
            p = copied - 1;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    /** HTML: the article (or main/body) text, without navigation, scripts, headers and footers. */
    public static Document fromHtml(String id, String url, String title, LocalDate published, String html, LocalDate defaultPublished) {
        org.jsoup.nodes.Document d = Jsoup.parse(html);
        d.select("script, style, noscript, nav, footer, header, aside, form, iframe, svg, button, "
                + "[role=navigation], [aria-hidden=true], .nav, .navbar, .footer, .menu, .sidebar, .share, .social, .related, .comments, .advert, .ad").remove();
        if (published == null) {
            for (String sel : new String[]{"meta[property=article:published_time]", "meta[name=date]", "meta[name=pubdate]",
                    "meta[itemprop=datePublished]", "time[datetime]"}) {
                Element e = d.selectFirst(sel);
                if (e != null) {
                    published = date(e.hasAttr("content") ? e.attr("content") : e.attr("datetime"));
                    if (published != null) {
                        break;
                    }
                }
            }
        }
        if (url == null) {
            url = pageUrl(d);
        }
        if (title == null) {
            Element h1 = d.selectFirst("h1");
            String og = meta(d, "og:title");
            title = h1 != null && !h1.text().isBlank() ? h1.text() : og != null ? og : d.title();
        }
        Element root = d.selectFirst("article");
        if (root == null) {
            root = d.selectFirst("main");
        }
        if (root == null) {
            root = d.body();
        }
        StringBuilder sb = new StringBuilder();
        if (root != null) {
            Set<Element> containers = containers(root);
            for (Element block : root.select("h1, h2, h3, h4, h5, h6, p, li, tr, blockquote, pre, figcaption")) {
                // by name, not Element.is(), which walks up to the root each time: deep markup made that quadratic
                boolean row = block.normalName().equals("tr");
                if (!row && containers.contains(block)) {
                    continue; // container of other blocks: its children are visited themselves
                }
                if (sb.length() > html.length()) {
                    break; // blocks nested in blocks repeat their text: more text than the page has characters is that, not article
                }
                String t = row ? cells(block) : block.text();
                if (!t.isBlank()) {
                    sb.append(block.normalName().equals("li") ? "- " : "").append(t.trim()).append('\n');
                }
            }
            if (sb.length() == 0) {
                sb.append(root.text());
            }
        }
        String text = sb.toString();
        if (published == null) {
            published = Dates.dateline(text);
        }
        return new Document(id, url, title, published != null ? published : defaultPublished, text);
    }

    /**
     * The address the page gives itself: its canonical link, else its {@code og:url}. Only an absolute http(s) address
     * with a path counts: a relative one cannot be resolved without the address the page came from, and one that is
     * a site's front page (a template that names the site on every page) would make every article of that site look
     * like the same document, as ingest skips a second document with a URL it already holds.
     */
    private static String pageUrl(org.jsoup.nodes.Document d) {
        Element canonical = d.selectFirst("link[rel=canonical][href]");
        for (String candidate : new String[]{canonical != null ? canonical.attr("href") : null, meta(d, "og:url")}) {
            if (candidate == null) {
                continue;
            }
            try {
                URI uri = new URI(candidate.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                String path = uri.getPath() == null ? "" : uri.getPath();
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                        && (!path.replace("/", "").isEmpty() || uri.getQuery() != null)) {
                    return uri.toString();
                }
            } catch (URISyntaxException e) {
                // not an address: try the next
            }
        }
        return null;
    }

    /** The non-blank content of the page's {@code <meta property=name>} (or {@code name=name}), or null. */
    private static String meta(org.jsoup.nodes.Document d, String name) {
        for (Element e : d.select("meta[property=" + name + "], meta[name=" + name + "]")) {
            String content = e.attr("content").strip();
            if (!content.isEmpty()) {
                return content;
            }
        }
        return null;
    }

    /**
     * The elements under {@code root} that hold a paragraph, list item or table row: found from each of those upwards,
     * stopping at an ancestor already known, so that deeply nested markup costs its size and not its size times
     * its depth.
     */
    private static Set<Element> containers(Element root) {
        Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : root.select("p, li, tr")) {
            for (Element up = e.parent(); up != null && out.add(up); up = up.parent()) {
                // marked; its own ancestors follow unless marked before
            }
        }
        return out;
    }

    /**
     * A table row as one line: its own cells' texts. A table nested in a cell reads as that cell's text (its rows are
     * visited themselves too), not once more per cell of every row around it, which made nested tables quadratic.
     */
    private static String cells(Element row) {
        List<String> texts = new ArrayList<>();
        for (Element cell : row.children()) {
            String n = cell.normalName();
            if ((n.equals("td") || n.equals("th")) && cell.hasText()) {
                texts.add(cell.text());
            }
        }
        return String.join(" ", texts);
    }

    private static Document record(JsonNode n, String fallbackId, LocalDate defaultPublished) {
        String id = n.hasNonNull("id") ? n.get("id").asText() : fallbackId;
        String url = n.hasNonNull("url") ? n.get("url").asText() : null;
        String title = n.hasNonNull("title") ? n.get("title").asText() : null;
        LocalDate published = n.hasNonNull("published") ? date(n.get("published").asText()) : null;
        if (n.hasNonNull("html") && !n.hasNonNull("text")) {
            return fromHtml(id, url, title, published, n.get("html").asText(), defaultPublished);
        }
        String text = n.path("text").asText("");
        if (published == null) {
            published = Dates.dateline(text);
        }
        return new Document(id, url, title, published != null ? published : defaultPublished, text);
    }

    static LocalDate date(String v) {
        if (v == null) {
            return null;
        }
        Matcher m = ISO_DATE.matcher(v);
        if (m.find()) {
            try {
                return LocalDate.parse(m.group(1));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        for (Dates.DateMention d : Dates.find(v, null)) {
            if (d.value() != null && d.value().length() == 10) {
                return LocalDate.parse(d.value());
            }
        }
        return null;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
