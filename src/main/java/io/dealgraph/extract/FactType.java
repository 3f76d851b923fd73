package io.dealgraph.extract;

/** The relation types of the facts format (shared/corpus/README.md). */
public enum FactType {
    INVESTS_IN, COMMITS_SPEND_TO, MAKES_CHIP, USES_CHIP, OPERATES
}
