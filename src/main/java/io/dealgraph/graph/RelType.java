package io.dealgraph.graph;

/** The relationship types of the graph (README, "The graph model"); the constant's name is the type. */
public enum RelType {
    /** Pair edge: an investor's deals in one company, summed. */
    INVESTS_IN,
    /** Pair edge: a customer's spend commitments to one cloud or company, summed. */
    COMMITS_SPEND_TO,
    OPERATES,
    MAKES,
    USES,
    /** From the investor (or customer) to its deal; from each investor to a round. */
    MADE,
    /** From a deal to the company or cloud it goes to. */
    TO,
    TRANCHE_OF,
    SUPPORTS,
    SOURCED_FROM,
    SUBJECT,
    OBJECT,
    AS_OF;

    /** The two types whose deals are filed under a {@link Keys#pair pair key}, and whose edges sum them. */
    public boolean isPair() {
        return this == INVESTS_IN || this == COMMITS_SPEND_TO;
    }
}
