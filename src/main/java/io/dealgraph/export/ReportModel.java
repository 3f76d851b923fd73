package io.dealgraph.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The materialised subgraph read as the graph model: entities, deals with their parties, claims and sources. */
final class ReportModel {

    static final List<String> ENTITY_LABELS = List.of("Company", "Cloud", "Chip");

    record Claim(GraphNode node, GraphNode document) {
    }

    record Deal(GraphNode node, GraphNode investor, GraphNode target, String parentKey, List<Claim> claims) {
        String date() {
            return str(node, "date");
        }

        Long amountUsd() {
            return node.properties().get("amountUsd") instanceof Number n ? n.longValue() : null;
        }

        boolean spend() {
            return node.is("SpendCommitment") || "COMMITS_SPEND_TO".equals(str(node, "type"));
        }
    }

    final Selection selection;
    final List<GraphNode> nodes;
    final List<GraphRelationship> relationships;
    final Map<String, GraphNode> byKey = new HashMap<>();
    final List<GraphNode> entities = new ArrayList<>();
    final List<Deal> deals = new ArrayList<>();
    /** Claims that support no deal: running totals and facts about clouds and chips, with their two entities. */
    final List<Claim> otherClaims = new ArrayList<>();
    /** A claim's SUBJECT and OBJECT. */
    final Map<String, GraphNode[]> claimEnds = new HashMap<>();
    final Map<String, GraphNode> documents = new LinkedHashMap<>();
    final GraphNode center;

    ReportModel(ReportGraph graph, Selection selection) {
        this.selection = selection;
        this.nodes = graph.nodes;
        this.relationships = graph.relationships;
        nodes.forEach(n -> byKey.put(n.key(), n));
        nodes.stream().filter(ReportModel::isEntity).forEach(entities::add);
        Map<String, GraphNode> investor = new HashMap<>();
        Map<String, GraphNode> target = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        Map<String, List<Claim>> claims = new HashMap<>();
        Map<String, GraphNode> source = new HashMap<>();
        Map<String, String> supports = new HashMap<>();
        for (GraphRelationship r : relationships) {
            GraphNode from = byKey.get(r.source().key());
            GraphNode to = byKey.get(r.target().key());
            switch (r.type()) {
                case "MADE" -> investor.put(r.target().key(), from);
                case "TO" -> target.put(r.source().key(), to);
                case "TRANCHE_OF" -> parent.put(r.source().key(), r.target().key());
                case "SOURCED_FROM" -> source.put(r.source().key(), to);
                case "SUPPORTS" -> supports.put(r.source().key(), r.target().key());
                case "SUBJECT", "OBJECT" -> claimEnds.computeIfAbsent(r.source().key(), k -> new GraphNode[2])
                        [r.type().equals("SUBJECT") ? 0 : 1] = to;
                default -> {
                }
            }
        }
        for (GraphNode n : nodes) {
            if (n.is("Claim")) {
                Claim c = new Claim(n, source.get(n.key()));
                if (c.document() != null) {
                    documents.putIfAbsent(c.document().key(), c.document());
                }
                String deal = supports.get(n.key());
                if (deal != null) {
                    claims.computeIfAbsent(deal, k -> new ArrayList<>()).add(c);
                } else {
                    otherClaims.add(c);
                }
            }
        }
        for (GraphNode n : nodes) {
            if (n.is("Deal")) {
                deals.add(new Deal(n, investor.get(n.key()), target.get(n.key()), parent.get(n.key()),
                        claims.getOrDefault(n.key(), List.of())));
            }
        }
        // Dated deals in date order, then the undated ones; ties by investor and id so the order is stable.
        deals.sort(Comparator.comparing((Deal d) -> d.date() == null ? "9999" : d.date())
                .thenComparing(d -> d.investor() == null ? "" : d.investor().caption())
                .thenComparing(d -> d.node().key()));
        nodes.stream().filter(n -> n.is("Document")).forEach(d -> documents.putIfAbsent(d.key(), d));
        GraphNode c = null;
        if (selection.center() != null) {
            String wanted = SubgraphSource.normalise(selection.center());
            c = entities.stream().filter(e -> e.properties().get("keys") instanceof List<?> keys && keys.contains(wanted)
                    || wanted.equals(str(e, "id")) || wanted.equals(SubgraphSource.normalise(e.caption()))).findFirst().orElse(null);
        }
        this.center = c;
    }

    static boolean isEntity(GraphNode n) {
        return ENTITY_LABELS.stream().anyMatch(n::is);
    }

    static String str(GraphNode n, String property) {
        Object v = n.properties().get(property);
        return v == null ? null : Values.text(v);
    }

    /** The title a reader sees: what was selected, in words. */
    String title() {
        if (selection.center() != null) {
            String name = center != null ? center.caption() : selection.center();
            return name + ": " + selection.depth() + "-hop neighbourhood";
        }
        if (!selection.between().isEmpty()) {
            return "Between " + selection.between().get(0) + " and " + selection.between().get(1);
        }
        if (selection.query() != null) {
            return "Query result";
        }
        return "The whole graph";
    }

    /** Filters in words, or empty. */
    String filters() {
        List<String> parts = new ArrayList<>();
        if (selection.dealType() != null) {
            parts.add(selection.dealType().equals("INVESTS_IN") ? "investments only" : "spend commitments only");
        }
        if (selection.from() != null || selection.to() != null) {
            parts.add("deals dated " + (selection.from() == null ? "up to " + selection.to()
                    : selection.to() == null ? "from " + selection.from() : selection.from() + " to " + selection.to()));
        }
        if (!selection.provenance()) {
            parts.add("without sources");
        }
        if (selection.asOf() != null) {
            parts.add("as known on " + selection.asOf());
        }
        return String.join(", ", parts);
    }

    /** $750M, $1.25B, $4B, $250B, $1.2T; the qualifier in words before it. */
    static String money(Long usd, String qualifier) {
        if (usd == null) {
            return "undisclosed";
        }
        String q = qualifier == null ? "" : switch (qualifier.toLowerCase(Locale.ROOT)) {
            case "up_to" -> "up to ";
            case "at_least" -> "at least ";
            case "about" -> "about ";
            default -> "";
        };
        return q + money(usd);
    }

    static String money(long usd) {
        double v = usd;
        String unit;
        if (v >= 1e12) {
            v /= 1e12;
            unit = "T";
        } else if (v >= 1e9) {
            v /= 1e9;
            unit = "B";
        } else if (v >= 1e6) {
            v /= 1e6;
            unit = "M";
        } else if (v >= 1e3) {
            v /= 1e3;
            unit = "K";
        } else {
            unit = "";
        }
        String n = v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return "$" + n + unit;
    }
}
