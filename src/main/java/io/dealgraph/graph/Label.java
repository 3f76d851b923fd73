package io.dealgraph.graph;

/**
 * The node labels of the graph (README, "The graph model"). The constant's name is the label as Cypher spells it, so
 * {@code Label.Company.name()} is {@code "Company"}.
 */
public enum Label {
    /** A company; funds, people and governments that invest are companies with a {@code kind}. */
    Company,
    Cloud,
    Chip,
    /** An investment or a spend commitment between one pair; a funding round is one too. */
    Deal,
    /** Second label of an INVESTS_IN deal. */
    Investment,
    /** Second label of a COMMITS_SPEND_TO deal. */
    SpendCommitment,
    /** Third label of an investment with several investors. */
    Round,
    Claim,
    Document,
    /** What a deal said as of one day. */
    Reading;

    /** The labels an entity (what a user names) can have. */
    public static final java.util.List<Label> ENTITIES = java.util.List.of(Company, Cloud, Chip);

    /** The entity label called {@code text}, or null when it is none of {@link #ENTITIES}. */
    public static Label entity(String text) {
        for (Label l : ENTITIES) {
            if (l.name().equals(text)) {
                return l;
            }
        }
        return null;
    }
}
