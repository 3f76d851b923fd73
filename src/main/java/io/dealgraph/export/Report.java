package io.dealgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code html}: one self-contained page (styles and pictures inline, no script, nothing fetched) that a person
 * reads: what was selected and a summary, the network picture, the deals on a timeline, every deal in a table
 * with the sentences and documents it rests on, the other facts and the sources. {@code svg} and {@code png} are
 * the network picture alone.
 */
final class Report {

    private final ReportModel model;

    Report(ReportGraph graph, Selection selection) {
        this.model = new ReportModel(graph, selection);
    }

    void writeSvg(OutputStream out) throws IOException {
        out.write(new NetworkPicture(model).svg().getBytes(StandardCharsets.UTF_8));
    }

    void writePng(OutputStream out) throws IOException {
        out.write(new NetworkPicture(model).png());
    }

    void writeHtml(OutputStream out) throws IOException {
        out.write(html().getBytes(StandardCharsets.UTF_8));
    }

    String html() {
        StringBuilder h = new StringBuilder(1 << 16);
        String title = model.title();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append(" · dealgraph</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(Html.escape(title)).append("</h1>\n<p class=\"sub\">dealgraph export");
        String filters = model.filters();
        if (!filters.isEmpty()) {
            h.append(" · ").append(Html.escape(filters));
        }
        if (model.selection.query() != null) {
            h.append(" · <code>").append(Html.escape(model.selection.query())).append("</code>");
        }
        h.append("</p></header>\n");
        summary(h);
        h.append("<section><h2>Network</h2>\n<div class=\"figure\">").append(new NetworkPicture(model).svg()).append("</div></section>\n");
        TimelineChart timeline = new TimelineChart(model);
        h.append("<section><h2>Timeline</h2>\n");
        if (timeline.isEmpty()) {
            h.append("<p class=\"muted\">No dated deal with a known amount in this selection.</p>\n");
        } else {
            h.append("<div class=\"figure\">").append(timeline.svg()).append("</div>\n");
        }
        if (!timeline.offChart.isEmpty()) {
            h.append("<p class=\"muted\">Not on the chart (no date or no amount): ");
            List<String> parts = new ArrayList<>();
            for (ReportModel.Deal d : timeline.offChart) {
                parts.add(Html.escape(party(d.investor()) + " → " + party(d.target()) + " ("
                        + ReportModel.money(d.amountUsd(), ReportModel.str(d.node(), "qualifier"))
                        + (d.date() == null ? ", undated" : ", " + d.date()) + ")"));
            }
            h.append(String.join("; ", parts)).append(".</p>\n");
        }
        h.append("</section>\n");
        deals(h);
        otherFacts(h);
        sources(h);
        h.append("<footer>Made by dealgraph from ").append(model.nodes.size()).append(" nodes and ")
                .append(model.relationships.size()).append(" relationships. Each claim quotes the sentence it was read from.</footer>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private void summary(StringBuilder h) {
        long companies = model.entities.stream().filter(e -> e.is("Company")).count();
        long clouds = model.entities.stream().filter(e -> e.is("Cloud")).count();
        long chips = model.entities.stream().filter(e -> e.is("Chip")).count();
        List<ReportModel.Deal> top = model.deals.stream().filter(d -> d.parentKey() == null).toList();
        long invested = top.stream().filter(d -> !d.spend() && d.amountUsd() != null).mapToLong(ReportModel.Deal::amountUsd).sum();
        long spend = top.stream().filter(d -> d.spend() && d.amountUsd() != null).mapToLong(ReportModel.Deal::amountUsd).sum();
        h.append("<section class=\"summary\">\n<ul class=\"cards\">\n");
        card(h, String.valueOf(companies), "companies");
        card(h, String.valueOf(clouds), clouds == 1 ? "cloud" : "clouds");
        card(h, String.valueOf(chips), chips == 1 ? "chip" : "chips");
        card(h, String.valueOf(top.size()), top.size() == 1 ? "deal" : "deals");
        card(h, invested > 0 ? ReportModel.money(invested) : "–", "invested (disclosed)");
        card(h, spend > 0 ? ReportModel.money(spend) : "–", "spend committed");
        card(h, String.valueOf(model.documents.size()), model.documents.size() == 1 ? "source" : "sources");
        h.append("</ul>\n");
        if (model.center != null) {
            String key = model.center.key();
            List<ReportModel.Deal> in = top.stream().filter(d -> d.target() != null && d.target().key().equals(key)).toList();
            List<ReportModel.Deal> outgoing = top.stream().filter(d -> d.investor() != null && d.investor().key().equals(key)).toList();
            Set<String> backers = new LinkedHashSet<>();
            in.stream().filter(d -> !d.spend()).forEach(d -> backers.add(party(d.investor())));
            long raised = in.stream().filter(d -> !d.spend() && d.amountUsd() != null).mapToLong(ReportModel.Deal::amountUsd).sum();
            long committed = outgoing.stream().filter(d -> d.spend() && d.amountUsd() != null).mapToLong(ReportModel.Deal::amountUsd).sum();
            StringBuilder s = new StringBuilder();
            s.append(model.center.caption());
            if (!backers.isEmpty()) {
                s.append(" has ").append(backers.size()).append(backers.size() == 1 ? " investor" : " investors").append(" here (")
                        .append(String.join(", ", backers)).append(")").append(raised > 0 ? ", " + ReportModel.money(raised) + " disclosed" : "");
            } else {
                s.append(" has no investors in this selection");
            }
            if (committed > 0) {
                s.append("; it has committed ").append(ReportModel.money(committed)).append(" of spend");
            }
            long invests = outgoing.stream().filter(d -> !d.spend() && d.amountUsd() != null).mapToLong(ReportModel.Deal::amountUsd).sum();
            if (invests > 0) {
                s.append("; it has invested ").append(ReportModel.money(invests));
            }
            h.append("<p>").append(Html.escape(s.toString())).append(".</p>\n");
        }
        top.stream().filter(d -> d.amountUsd() != null).max(java.util.Comparator.comparingLong(ReportModel.Deal::amountUsd))
                .ifPresent(d -> h.append("<p>The largest deal: ").append(Html.escape(party(d.investor()) + " → " + party(d.target())
                        + ", " + ReportModel.money(d.amountUsd(), ReportModel.str(d.node(), "qualifier"))
                        + (d.date() == null ? "" : " (" + d.date() + ")"))).append(".</p>\n"));
        h.append("</section>\n");
    }

    private static void card(StringBuilder h, String value, String label) {
        h.append("<li><b>").append(Html.escape(value)).append("</b><span>").append(Html.escape(label)).append("</span></li>\n");
    }

    private void deals(StringBuilder h) {
        h.append("<section><h2>Deals</h2>\n");
        if (model.deals.isEmpty()) {
            h.append("<p class=\"muted\">No deals in this selection.</p></section>\n");
            return;
        }
        h.append("<table class=\"deals\">\n<thead><tr><th>Date</th><th>From</th><th>To</th><th>Kind</th><th class=\"num\">Amount</th>")
                .append("<th>Status</th><th>Sources and evidence</th></tr></thead>\n<tbody>\n");
        for (ReportModel.Deal d : model.deals) {
            String kind = d.spend() ? "spend commitment" : "investment";
            Object years = d.node().properties().get("years");
            if (years != null) {
                kind += ", " + years + " years";
            }
            if (d.parentKey() != null) {
                GraphNode parent = model.byKey.get(d.parentKey());
                kind += ", tranche of " + (parent == null ? "a deal" : parent.caption());
            }
            String amount = ReportModel.money(d.amountUsd(), ReportModel.str(d.node(), "qualifier"));
            String stated = ReportModel.str(d.node(), "currency");
            if (stated != null && !stated.equals("USD") && d.node().properties().get("amount") instanceof Number n) {
                amount += " (" + stated + " " + n + ")";
            }
            h.append("<tr class=\"").append(d.spend() ? "spend" : "invest").append(d.parentKey() != null ? " tranche" : "").append("\">")
                    .append("<td class=\"date\" data-label=\"Date\">").append(Html.escape(d.date() == null ? "undated" : d.date())).append("</td>")
                    .append("<td data-label=\"From\">").append(Html.escape(party(d.investor()))).append("</td>")
                    .append("<td data-label=\"To\">").append(Html.escape(party(d.target()))).append("</td>")
                    .append("<td data-label=\"Kind\">").append(Html.escape(kind)).append("</td>")
                    .append("<td class=\"num\" data-label=\"Amount\">").append(Html.escape(amount)).append("</td>")
                    .append("<td data-label=\"Status\">").append(Html.escape(String.valueOf(ReportModel.str(d.node(), "status"))))
                    .append("</td><td data-label=\"Sources\">");
            evidence(h, d.claims());
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    /** Facts that make no deal (running totals, who operates, makes or uses what): one row per fact, every source of it. */
    private void otherFacts(StringBuilder h) {
        if (model.otherClaims.isEmpty()) {
            return;
        }
        Map<String, List<ReportModel.Claim>> facts = new LinkedHashMap<>();
        for (ReportModel.Claim c : model.otherClaims) {
            GraphNode[] ends = model.claimEnds.getOrDefault(c.node().key(), new GraphNode[2]);
            String fact = String.join("\n", String.valueOf(ReportModel.str(c.node(), "type")), party(ends[0]), party(ends[1]),
                    String.valueOf(c.node().properties().get("amountUsd")), String.valueOf(ReportModel.str(c.node(), "qualifier")),
                    String.valueOf(c.node().properties().get("cumulative")));
            facts.computeIfAbsent(fact, k -> new ArrayList<>()).add(c);
        }
        h.append("<section><h2>Other facts</h2>\n<table class=\"facts\">\n<thead><tr><th>Fact</th><th>Subject</th><th>Object</th><th class=\"num\">Amount</th>")
                .append("<th>Sources and evidence</th></tr></thead>\n<tbody>\n");
        for (List<ReportModel.Claim> same : facts.values()) {
            ReportModel.Claim c = same.get(0);
            GraphNode[] ends = model.claimEnds.getOrDefault(c.node().key(), new GraphNode[2]);
            String type = String.valueOf(ReportModel.str(c.node(), "type"));
            if (Boolean.TRUE.equals(c.node().properties().get("cumulative"))) {
                type += " (running total)";
            }
            Long usd = c.node().properties().get("amountUsd") instanceof Number n ? n.longValue() : null;
            h.append("<tr><td data-label=\"Fact\">").append(Html.escape(type.toLowerCase(Locale.ROOT).replace('_', ' ')))
                    .append("</td><td data-label=\"Subject\">").append(Html.escape(party(ends[0])))
                    .append("</td><td data-label=\"Object\">").append(Html.escape(party(ends[1])))
                    .append("</td><td class=\"num\" data-label=\"Amount\">")
                    .append(usd == null ? "" : Html.escape(ReportModel.money(usd, ReportModel.str(c.node(), "qualifier"))))
                    .append("</td><td data-label=\"Sources\">");
            evidence(h, same);
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private void evidence(StringBuilder h, List<ReportModel.Claim> claims) {
        if (claims.isEmpty()) {
            h.append("<span class=\"muted\">no claim in this export</span>");
            return;
        }
        h.append("<ul class=\"ev\">");
        Set<String> seen = new java.util.HashSet<>();
        for (ReportModel.Claim c : claims) {
            String quote = quote(ReportModel.str(c.node(), "evidence"));
            GraphNode doc = c.document();
            if (!seen.add(quote + "\n" + (doc == null ? "" : doc.key()))) {
                continue; // the same sentence of the same source, read twice
            }
            h.append("<li><q>").append(Html.escape(quote)).append("</q>");
            if (doc != null) {
                int n = sourceNumber(doc);
                h.append(" <span class=\"src\">— <a href=\"#src-").append(n).append("\">[").append(n).append("]</a> ")
                        .append(Html.escape(shortTitle(doc))).append("</span>");
            }
            h.append("</li>");
        }
        h.append("</ul>");
    }

    /** The sources in the order the list shows them: by publication (else ingestion) day, then title. */
    private List<GraphNode> sourceOrder() {
        if (sourceOrder == null) {
            sourceOrder = model.documents.values().stream()
                    .sorted(java.util.Comparator.comparing((GraphNode d) -> day(d) == null ? "9999" : day(d)).thenComparing(Report::sourceTitle))
                    .toList();
        }
        return sourceOrder;
    }

    private List<GraphNode> sourceOrder;

    private int sourceNumber(GraphNode doc) {
        return sourceOrder().indexOf(doc) + 1;
    }

    private void sources(StringBuilder h) {
        if (model.documents.isEmpty()) {
            return;
        }
        h.append("<section><h2>Sources</h2>\n<ol class=\"sources\">\n");
        for (GraphNode doc : sourceOrder()) {
            String url = ReportModel.str(doc, "url");
            boolean link = url != null && (url.startsWith("https://") || url.startsWith("http://"));
            String title = ReportModel.str(doc, "title");
            String name = ReportModel.str(doc, "name");
            h.append("<li id=\"src-").append(sourceNumber(doc)).append("\"><b>");
            if (link) {
                h.append("<a href=\"").append(Html.escape(url)).append("\">").append(Html.escape(sourceTitle(doc))).append("</a>");
            } else {
                h.append(Html.escape(sourceTitle(doc)));
            }
            h.append("</b><br><span class=\"muted\">");
            List<String> about = new ArrayList<>();
            String outlet = outlet(url);
            if (outlet != null) {
                about.add(outlet);
            }
            if (name != null && (title != null || outlet != null)) {
                about.add("file " + name);
            } else if (title == null && outlet == null) {
                about.add("a file without a title");
            }
            String published = ReportModel.str(doc, "published");
            if (published != null) {
                about.add("published " + published);
            } else if (day(doc) != null) {
                about.add("no date given; ingested " + day(doc));
            }
            h.append(Html.escape(String.join(" · ", about)));
            if (link) {
                h.append("<br><a class=\"url\" href=\"").append(Html.escape(url)).append("\">").append(Html.escape(url)).append("</a>");
            }
            h.append("</span></li>\n");
        }
        h.append("</ol></section>\n");
    }

    /** A document's title, else the name of its file (or record), else its id. */
    static String sourceTitle(GraphNode doc) {
        String title = ReportModel.str(doc, "title");
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        String name = ReportModel.str(doc, "name");
        return name != null ? name : doc.caption();
    }

    /** The title cut to a citation's length. */
    static String shortTitle(GraphNode doc) {
        String t = sourceTitle(doc);
        return t.length() <= 60 ? t : t.substring(0, t.lastIndexOf(' ', 58) > 30 ? t.lastIndexOf(' ', 58) : 58) + "…";
    }

    /** The day a source speaks for: its publication, else the day it was ingested. */
    static String day(GraphNode doc) {
        String published = ReportModel.str(doc, "published");
        if (published != null) {
            return published;
        }
        String ingested = ReportModel.str(doc, "ingestedAt");
        return ingested == null || ingested.length() < 10 ? null : ingested.substring(0, 10);
    }

    /** The outlet of a URL: its host without "www.", or null. */
    static String outlet(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = java.net.URI.create(url.strip()).getHost();
            return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern MD_LINK = java.util.regex.Pattern.compile("!?\\[([^\\[\\]]*)\\]\\((?:[^()\\s]|\\([^()]*\\))*\\)");
    private static final java.util.regex.Pattern MD_LINK_TAIL = java.util.regex.Pattern.compile("\\]\\((?:https?://|/|#)[^)\\s]*\\)?");
    private static final java.util.regex.Pattern BULLET = java.util.regex.Pattern.compile("^\\s*(?:[-*+•·▪◦‣]|\\d{1,3}[.)])\\s+");
    private static final java.util.regex.Pattern HEADING = java.util.regex.Pattern.compile("^\\s*#{1,6}\\s+");

    /**
     * An evidence sentence as a reader should see it: markdown links reduced to their text ({@code [Amazon](https://…)}
     * to "Amazon", and the {@code ](https://…)} left when a sentence was cut inside one), a table row's cells joined by
     * " · " instead of pipes, no leading bullet, number or heading mark, no bold or code markers, spaces collapsed.
     * The claim keeps the sentence as read, with its offsets; this is only how the report shows it.
     */
    static String quote(String evidence) {
        if (evidence == null) {
            return "";
        }
        String s = MD_LINK.matcher(evidence).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
        s = MD_LINK_TAIL.matcher(s).replaceAll("");
        if (s.indexOf('|') >= 0) {
            List<String> cells = new ArrayList<>();
            for (String cell : s.split("\\|")) {
                String c = cell.strip();
                if (!c.isEmpty() && !c.matches(":?-{2,}:?")) {
                    cells.add(c);
                }
            }
            s = String.join(" · ", cells);
        }
        s = s.replace("**", "").replace("__", "").replace("`", "");
        s = s.replaceAll("\\s+", " ").strip();
        String before;
        do {
            before = s;
            s = HEADING.matcher(BULLET.matcher(s).replaceFirst("")).replaceFirst("");
        } while (!s.equals(before));
        // an opening bracket whose link was cut off with the sentence
        if (s.indexOf('[') >= 0 && s.indexOf(']') < 0) {
            s = s.replace("[", "");
        }
        return s.strip();
    }

    private static String party(GraphNode n) {
        return n == null ? "?" : n.caption();
    }

    static final String CSS = """
            body{font-family:"DejaVu Sans","Liberation Sans",Arial,Helvetica,sans-serif;color:#222;margin:0 auto;max-width:1180px;padding:24px 28px;line-height:1.45;font-size:14px}
            h1{font-size:26px;margin:0 0 4px}
            h2{font-size:19px;margin:28px 0 10px;border-bottom:2px solid #e6e6e6;padding-bottom:4px}
            .sub{color:#666;margin:0}
            .muted{color:#777}
            code{background:#f3f3f3;padding:1px 4px;border-radius:3px}
            .cards{display:flex;flex-wrap:wrap;gap:10px;list-style:none;padding:0;margin:18px 0 8px}
            .cards li{background:#f6f8fb;border:1px solid #e1e6ee;border-radius:6px;padding:8px 14px;min-width:92px}
            .cards b{display:block;font-size:20px;color:#2870C2}
            .cards span{color:#555;font-size:12px}
            .figure{overflow-x:auto;border:1px solid #e6e6e6;border-radius:6px;background:#fff}
            .figure svg{display:block;max-width:100%;height:auto}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #eaeaea}
            th{background:#f6f6f6;font-weight:600}
            td.num,th.num{text-align:right;white-space:nowrap}
            td.date{white-space:nowrap}
            tr.invest td:first-child{border-left:4px solid #2870C2}
            tr.spend td:first-child{border-left:4px solid #EB2728}
            tr.tranche td{color:#555;background:#fbfbfb}
            ul.ev{margin:0;padding-left:16px}
            ul.ev li{margin:0 0 4px}
            q{font-style:italic}
            .src{color:#555;font-size:12px}
            a{color:#2060b0}
            ol.sources li{margin-bottom:8px}
            ol.sources a.url,.src,q{overflow-wrap:anywhere}
            footer{margin-top:32px;color:#888;font-size:12px}
            @media (max-width:640px){
            body{padding:14px 12px;font-size:15px}
            h1{font-size:21px}
            .cards li{min-width:0;flex:1 1 40%}
            table,thead,tbody,tr,td{display:block;width:auto}
            thead{display:none}
            tr{border-bottom:1px solid #ddd;padding:6px 0}
            td{border:none;padding:2px 4px}
            td.num{text-align:left}
            td[data-label]::before{content:attr(data-label) ": ";color:#777;font-size:12px}
            td[data-label="Sources"]::before{display:block}
            }
            """;
}
