package io.dealgraph.schema;

import java.util.List;

/** The outcome of the start-up migration: which versions this start applied (empty when up to date). */
public record AppliedSchema(List<Integer> appliedNow) {
}
