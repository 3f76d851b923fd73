package io.dealgraph.graph;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * Every key the graph stores, each made by one function here and nowhere else. Writers (ingest, the synthetic
 * generator, the migrations that fill keys in on older graphs) compute keys with these functions and pass them to
 * their Cypher as parameters; readers match the stored keys, or compute a key to look up with the same function and
 * pass it as a parameter. {@code KeysContractIT} checks every stored key of every writer against these functions.
 *
 * <ul>
 *   <li>{@link #entity}: an entity's {@code keys} (its name and aliases as a lookup finds them);</li>
 *   <li>{@link #pair}: {@code Deal.pair}, and {@code pair} on the INVESTS_IN / COMMITS_SPEND_TO edge of that pair and on
 *       each MADE edge into a round (index {@code deal_pair}, {@code invests_in_pair}, {@code made_pair});</li>
 *   <li>{@link #timeline}: {@code Deal.timelineFrom}, {@code Deal.timelineTo} and a round investor's
 *       {@code MADE.timeline} (indexes {@code deal_timeline_from}, {@code deal_timeline_to}, {@code made_timeline});</li>
 *   <li>{@link #rank}: {@code rankFrom} and {@code rankTo} on INVESTS_IN edges (indexes {@code invests_in_rank_from},
 *       {@code invests_in_rank_to}).</li>
 * </ul>
 */
public final class Keys {

    /** The largest total a rank key tells apart; larger totals sort with it. Sixteen digits. */
    public static final long RANK_CEILING = 9_999_999_999_999_999L;

    private Keys() {
    }

    /**
     * The lookup form of a name or alias: accents and compatibility characters folded, lower case, inner whitespace
     * collapsed, ends trimmed. "Amazon  Web Services" and "amazon web services" give the same key, "Nestlé" and
     * "Nestle" too.
     */
    public static String entity(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /**
     * The key a pair's deals are filed under, {@code TYPE|from id|Label of to|to id}: {@code
     * INVESTS_IN|amazon|Company|anthropic}. The label is there because a company and a cloud may share an id.
     */
    public static String pair(RelType type, String from, Label toLabel, String to) {
        if (!type.isPair()) {
            throw new IllegalArgumentException(type + " is not a pair type");
        }
        return type.name() + "|" + Objects.requireNonNull(from) + "|" + toLabel.name() + "|" + Objects.requireNonNull(to);
    }

    /**
     * Where a deal sorts in one party's timeline: {@code <entity id> <date, or ~ when undated> <deal id>}. A range
     * index over it reads an entity's deals in (date, id) order, undated last, so a page of a hub's timeline costs a
     * page, not the hub's whole history. The space sorts before '-', which keeps 2024-03 before 2024-03-01 as in the
     * deals' own date order.
     */
    public static String timeline(String entity, String date, String deal) {
        return Objects.requireNonNull(entity) + " " + (date == null ? "~" : date) + " " + Objects.requireNonNull(deal);
    }

    /**
     * Where a pair sorts among one party's pairs, largest total first: {@code <entity id> <rank> <other id>}, where
     * rank is {@link #RANK_CEILING} minus the total in whole dollars (none counts as 0; below 0 and above the ceiling
     * are clamped), in sixteen digits, so that ascending keys mean descending totals and ties go by the other
     * party's id.
     */
    public static String rank(String entity, Number totalUsd, String other) {
        long total = totalUsd == null ? 0 : totalUsd.longValue();
        long clamped = Math.max(0, Math.min(RANK_CEILING, total));
        return Objects.requireNonNull(entity) + " " + String.format(Locale.ROOT, "%016d", RANK_CEILING - clamped) + " "
                + Objects.requireNonNull(other);
    }
}
