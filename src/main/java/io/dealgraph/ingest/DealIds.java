package io.dealgraph.ingest;

import java.util.Comparator;
import java.util.Map;

/**
 * Where deal and round ids come from, so that they are a function of what the graph holds, not of the order it came
 * in. Claims have one order that depends on their content alone, the order of publication ({@link #EARLIEST}: the day
 * the source was published, then the document's hash, then the place in its text, then the claim id), and a deal or
 * round is named after its earliest claim in that order. Claim ids are content too (the document's hash and the
 * fact's place in it). When a claim earlier than all the others joins a deal, the deal takes its name: the node is
 * re-keyed in place (cypher/ingest/rekey-deals.cypher), so its edges, readings, members and claims go with it.
 */
final class DealIds {

    static final String DEAL = "deal-";
    static final String ROUND = "round-";
    private static final String CLAIM = "claim-";

    private DealIds() {
    }

    /**
     * A claim as far as ordering and naming need it: when its source was published (YYYY-MM-DD), its document's id
     * (the text's hash), where in the text it was read, and its id.
     */
    record Claim(String published, String doc, int start, String id) {
    }

    /**
     * The order of publication: earliest published first (an unknown day last, as Cypher's ORDER BY puts a null),
     * then by document, by place in the text, by claim id. Cypher that picks a deal's earliest claim orders the same
     * way: {@code ORDER BY c.published, doc.id, c.start, c.id}.
     */
    static final Comparator<Claim> EARLIEST = Comparator.comparing(Claim::published, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Claim::doc).thenComparingInt(Claim::start).thenComparing(Claim::id);

    /** The earlier of two claims; either may be null (nothing yet). */
    static Claim earlier(Claim a, Claim b) {
        return a == null ? b : b == null ? a : EARLIEST.compare(a, b) <= 0 ? a : b;
    }

    /** The id of a deal (prefix {@link #DEAL}) or round ({@link #ROUND}) whose earliest claim is {@code first}. */
    static String of(String prefix, Claim first) {
        return prefix + first.id().substring(CLAIM.length());
    }

    /** A claim as a query returns it ({@code {published, doc, start, id}}), or null. */
    static Claim of(org.neo4j.driver.Value v) {
        return v.isNull() ? null : new Claim(v.get("published").asString(null), v.get("doc").asString(), v.get("start").asInt(0),
                v.get("id").asString());
    }

    /** One rename for rekey-deals.cypher. */
    static Map<String, Object> rename(String from, String to) {
        return Map.of("from", from, "to", to);
    }
}
