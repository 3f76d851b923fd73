package io.dealgraph.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern with literals of which every match holds at least one. Most texts hold none, and a few indexOf calls answer
 * for them instead of the pattern tried at every position. Where a literal occurs the pattern decides, so a gate never
 * changes a result as long as its literals are right; GateTest checks them against the pattern on the corpus.
 * Literals are compared case-sensitively: gate a case-insensitive pattern only on lower-cased text, with lower-case
 * literals.
 */
final class Gate {

    private final Pattern pattern;
    private final String[] literals;

    Gate(Pattern pattern, String... literals) {
        this.pattern = pattern;
        this.literals = literals;
    }

    Pattern pattern() {
        return pattern;
    }

    /** False when no match is possible. */
    boolean admits(String s) {
        for (String w : literals) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    boolean find(String s) {
        return admits(s) && pattern.matcher(s).find();
    }

    boolean lookingAt(String s) {
        return admits(s) && pattern.matcher(s).lookingAt();
    }

    boolean matches(String s) {
        return admits(s) && pattern.matcher(s).matches();
    }

    /** A matcher for the caller's own use, or null when no match is possible. */
    Matcher matcherOrNull(String s) {
        return admits(s) ? pattern.matcher(s) : null;
    }
}
