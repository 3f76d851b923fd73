package io.dealgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The literals a pattern's matches begin with (and, optionally, any digit). A search tries the pattern only where one
 * of them begins instead of at every position, which for a pattern opening with a long alternation is most of its
 * cost. The prefixes must cover every way a match can start; GateTest checks them against the pattern on the corpus.
 */
final class Starts {

    private final Pattern pattern;
    private final String[][] ascii = new String[128][];
    private final String[] other;
    private final boolean digits;
    private final boolean ignoreCase;
    /** The prefixes are looked for in the lower-cased text (a case-insensitive pattern). */
    final boolean onLowerCase;

    private Starts(Pattern pattern, boolean digits, boolean ignoreCase, boolean onLowerCase, String... prefixes) {
        this.pattern = pattern;
        this.onLowerCase = onLowerCase;
        this.digits = digits;
        this.ignoreCase = ignoreCase;
        List<List<String>> by = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            by.add(new ArrayList<>());
        }
        List<String> rest = new ArrayList<>();
        for (String p : prefixes) {
            char c = p.charAt(0);
            if (c >= 128) {
                rest.add(p);
            } else if (ignoreCase && Character.toUpperCase(c) != c) {
                by.get(c).add(p); // lower-case prefixes; the upper-case first letter finds them too
                by.get(Character.toUpperCase(c)).add(p);
            } else {
                by.get(c).add(p);
            }
        }
        for (int c = 0; c < 128; c++) {
            ascii[c] = by.get(c).isEmpty() ? null : by.get(c).toArray(new String[0]);
        }
        this.other = rest.toArray(new String[0]);
    }

    static Starts of(Pattern pattern, String... prefixes) {
        return new Starts(pattern, false, false, false, prefixes);
    }

    /** For a case-insensitive pattern whose callers pass the lower-cased text as {@code t}: lower-case prefixes. */
    static Starts onLowerCase(Pattern pattern, String... prefixes) {
        return new Starts(pattern, false, false, true, prefixes);
    }

    static Starts onLowerCaseDigitsAnd(Pattern pattern, String... prefixes) {
        return new Starts(pattern, true, false, true, prefixes);
    }

    /** As {@link #of}, and any ASCII digit begins a match too. */
    static Starts ofDigitsAnd(Pattern pattern, String... prefixes) {
        return new Starts(pattern, true, false, false, prefixes);
    }

    /**
     * For a case-insensitive pattern: lower-case prefixes, found in either case (a superset of the pattern's ASCII-only
     * case folding).
     */
    static Starts ignoringCase(Pattern pattern, String... prefixes) {
        return new Starts(pattern, false, true, false, prefixes);
    }

    Pattern pattern() {
        return pattern;
    }

    /** Whether a match may begin at {@code i}. */
    boolean at(String s, int i) {
        char c = s.charAt(i);
        if (digits && c >= '0' && c <= '9') {
            return true;
        }
        String[] ps = c < 128 ? ascii[c] : other;
        if (ps == null) {
            return false;
        }
        for (String p : ps) {
            if (ignoreCase ? s.regionMatches(true, i, p, 0, p.length()) : s.startsWith(p, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A matcher whose lookingAt() from a region start behaves as find() trying that position: bounds transparent to
     * \b and look-arounds, ^ and $ at the text's own ends.
     */
    Matcher matcher(String s) {
        return pattern.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /**
     * The same match as {@code m.find()} from {@code from} (m from {@link #matcher}), trying only the positions where a
     * prefix begins; -1 when none. {@code t}: the text the prefixes are looked for in, the matched text itself or
     * (for a case-insensitive pattern) its lower case, same length.
     */
    int find(Matcher m, String s, String t, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            if (at(t, i)) {
                m.region(i, n);
                if (m.lookingAt()) {
                    return i;
                }
            }
        }
        return -1;
    }

    int find(Matcher m, String s, int from) {
        return find(m, s, s, from);
    }

    /** {@code pattern.matcher(s).find()}. */
    boolean in(String s) {
        return find(matcher(s), s, s, 0) >= 0;
    }
}
