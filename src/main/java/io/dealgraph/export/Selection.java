package io.dealgraph.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which part of the graph to export; REST and CLI build the same record. At most one of {@code center},
 * {@code between} and {@code query}; none means every entity. {@code from}, {@code to} and {@code dealType}
 * narrow the deals (and so the money edges and claims) of the entity selections.
 *
 * @param center     an entity's name, alias or id: it and everything within {@code depth} hops
 * @param depth      1 to 3 hops through direct edges (INVESTS_IN, COMMITS_SPEND_TO, OPERATES, MAKES, USES)
 * @param between    two entities: the entities on the shortest paths between them
 * @param from       earliest deal date, {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, inclusive
 * @param to         latest deal date, same forms, inclusive
 * @param dealType   {@code INVESTS_IN} or {@code COMMITS_SPEND_TO}
 * @param query      a read-only Cypher query whose nodes, relationships and paths are the subgraph
 * @param params     the query's parameters
 * @param provenance include the claims and documents behind the deals and facts
 * @param asOf       {@code YYYY-MM-DD}: the graph as the sources published up to that day told it (deals first
 *                   reported later left out, each deal's figures as they then stood, claims and documents of later
 *                   sources left out, money edges' totals as they then were); null for everything
 */
public record Selection(String center, int depth, List<String> between, String from, String to, String dealType,
                        String query, Map<String, Object> params, boolean provenance, String asOf) {

    public Selection(String center, int depth, List<String> between, String from, String to, String dealType,
                     String query, Map<String, Object> params, boolean provenance) {
        this(center, depth, between, from, to, dealType, query, params, provenance, null);
    }

    static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    static final List<String> DEAL_TYPES = List.of("INVESTS_IN", "COMMITS_SPEND_TO");
    static final int DEFAULT_DEPTH = 2;

    public Selection {
        center = blankToNull(center);
        between = between == null ? List.of() : between.stream().map(Selection::blankToNull).filter(s -> s != null).toList();
        from = blankToNull(from);
        to = blankToNull(to);
        dealType = blankToNull(dealType);
        query = blankToNull(query);
        asOf = blankToNull(asOf);
        params = params == null ? Map.of() : params;
    }

    /** Checks the combination and the values; throws a 400 {@link ExportException} saying what is wrong. */
    public Selection validated() {
        int kinds = (center != null ? 1 : 0) + (between.isEmpty() ? 0 : 1) + (query != null ? 1 : 0);
        if (kinds > 1) {
            throw ExportException.badRequest("choose one of center, between and query");
        }
        if (depth < 1 || depth > 3) {
            throw ExportException.badRequest("depth must be 1, 2 or 3, not " + depth);
        }
        if (!between.isEmpty() && between.size() != 2) {
            throw ExportException.badRequest("between needs exactly two entities, got " + between.size());
        }
        for (String date : new String[]{from, to}) {
            if (date != null && !DATE.matcher(date).matches()) {
                throw ExportException.badRequest("dates are YYYY, YYYY-MM or YYYY-MM-DD, not '" + date + "'");
            }
        }
        if (from != null && to != null && from.compareTo(to.substring(0, Math.min(to.length(), from.length()))) > 0) {
            throw ExportException.badRequest("from (" + from + ") is after to (" + to + ")");
        }
        if (dealType != null && !DEAL_TYPES.contains(dealType)) {
            throw ExportException.badRequest("type must be one of " + DEAL_TYPES + ", not '" + dealType + "'");
        }
        if (query != null && (from != null || to != null || dealType != null || asOf != null)) {
            throw ExportException.badRequest("from, to, type and asOf apply to entity selections; filter inside the query instead");
        }
        if (asOf != null) {
            try {
                if (!asOf.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw new java.time.format.DateTimeParseException("not YYYY-MM-DD", asOf, 0);
                }
                java.time.LocalDate.parse(asOf);
            } catch (java.time.format.DateTimeParseException e) {
                throw ExportException.badRequest("asOf must be a day, YYYY-MM-DD, not '" + asOf + "'");
            }
        }
        return this;
    }

    /** A file name stem that says what was selected: {@code anthropic-2}, {@code amazon-openai}, {@code query}. */
    String fileStem() {
        String stem;
        if (center != null) {
            stem = center + "-" + depth;
        } else if (!between.isEmpty()) {
            stem = String.join("-", between);
        } else if (query != null) {
            stem = "query";
        } else {
            stem = "dealgraph";
        }
        if (dealType != null) {
            stem += "-" + dealType;
        }
        if (from != null || to != null) {
            stem += "-" + (from == null ? "" : from) + "_" + (to == null ? "" : to);
        }
        if (asOf != null) {
            stem += "-as-of-" + asOf;
        }
        String clean = stem.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^-+|-+$", "");
        return clean.isEmpty() ? "dealgraph" : clean;
    }

    /** The selection as the export files describe it (JSON meta, GraphML desc, report subtitle). */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (center != null) {
            m.put("center", center);
            m.put("depth", depth);
        }
        if (!between.isEmpty()) {
            m.put("between", new ArrayList<>(between));
        }
        if (query != null) {
            m.put("query", query);
        }
        if (from != null) {
            m.put("from", from);
        }
        if (to != null) {
            m.put("to", to);
        }
        if (dealType != null) {
            m.put("type", dealType);
        }
        if (asOf != null) {
            m.put("asOf", asOf);
        }
        m.put("provenance", provenance);
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
