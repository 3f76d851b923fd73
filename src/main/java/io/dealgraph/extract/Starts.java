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
    private final String[] prefixes;
    private final String[][] ascii = new String[128][];
    /** By first character: the second characters the prefixes allow (two words of bits), unless {@code anySecond}. */
    private final long[] second = new long[256];
    private final boolean[] anySecond = new boolean[128];
    private final String[] other;
    private final boolean digits;
    private final boolean ignoreCase;
    /** The prefixes are looked for in the lower-cased text (a case-insensitive pattern). */
    final boolean onLowerCase;
    /** Every match begins at \b before a word character: positions inside a word are not tried. */
    private final boolean wordStart;

    private Starts(Pattern pattern, boolean digits, boolean ignoreCase, boolean onLowerCase, String... prefixes) {
        this(pattern, digits, ignoreCase, onLowerCase, false, prefixes);
    }

    private Starts(Pattern pattern, boolean digits, boolean ignoreCase, boolean onLowerCase, boolean wordStart, String... prefixes) {
        this.pattern = pattern;
        this.prefixes = prefixes;
        this.onLowerCase = onLowerCase;
        this.wordStart = wordStart;
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
                allowSecond(c, p);
                allowSecond(Character.toUpperCase(c), p);
            } else {
                by.get(c).add(p);
                allowSecond(c, p);
            }
        }
        for (int c = 0; c < 128; c++) {
            ascii[c] = by.get(c).isEmpty() ? null : by.get(c).toArray(new String[0]);
        }
        this.other = rest.toArray(new String[0]);
    }

    private void allowSecond(char c, String p) {
        char d = p.length() > 1 ? p.charAt(1) : 0;
        if (p.length() == 1 || d >= 128) {
            anySecond[c] = true;
            return;
        }
        second[(c << 1) | (d >> 6)] |= 1L << d;
        if (ignoreCase) {
            char u = Character.toUpperCase(d);
            if (u < 128) {
                second[(c << 1) | (u >> 6)] |= 1L << u;
            }
        }
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

    static Starts ignoringCaseDigitsAnd(Pattern pattern, String... prefixes) {
        return new Starts(pattern, true, true, false, prefixes);
    }

    Pattern pattern() {
        return pattern;
    }

    /**
     * The same, for a pattern whose every alternative opens with \b: as all prefixes begin with a letter or digit,
     * a match can only begin where the character before is no word character.
     */
    Starts atWordStarts() {
        for (String p : prefixes) {
            if (!Character.isLetterOrDigit(p.charAt(0))) {
                throw new IllegalArgumentException("prefix '" + p + "' does not begin a word");
            }
        }
        return new Starts(pattern, digits, ignoreCase, onLowerCase, true, prefixes);
    }

    /** Whether a match may begin at {@code i}. */
    boolean at(String s, int i) {
        char c = s.charAt(i);
        if (digits && c >= '0' && c <= '9') {
            return true;
        }
        String[] ps;
        if (c < 128) {
            ps = ascii[c];
            if (ps == null) {
                return false;
            }
            if (!anySecond[c]) {
                // no prefix of c goes on with a character beyond ASCII, nor can the pattern's ASCII case folding
                if (i + 1 >= s.length()) {
                    return false;
                }
                char d = s.charAt(i + 1);
                if (d >= 128 || (second[(c << 1) | (d >> 6)] & (1L << d)) == 0) {
                    return false;
                }
            }
        } else {
            ps = other;
        }
        for (String p : ps) {
            if (ignoreCase ? startsIgnoringAsciiCase(s, i, p) : s.startsWith(p, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code s} has lower-case {@code p} at {@code i}, ASCII capitals folded: a superset of what the patterns' ASCII-only
     * case-insensitive matching accepts ({@code x | 0x20} folds more than letters; the pattern decides).
     */
    private static boolean startsIgnoringAsciiCase(String s, int i, String p) {
        int n = p.length();
        if (i + n > s.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            char x = s.charAt(i + k);
            char y = p.charAt(k);
            if (x != y && (x | 0x20) != y) {
                return false;
            }
        }
        return true;
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
        for (int i = next(s, t, from); i >= 0; i = next(s, t, i + 1)) {
            m.region(i, n);
            if (m.lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    /** The first position from {@code from} where a match may begin, or -1. */
    private int next(String s, String t, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            if (wordStart && i > 0) {
                char b = s.charAt(i - 1);
                if (b == '_' || Character.isLetterOrDigit(b)) {
                    continue; // \b fails inside a word
                }
            }
            if (at(t, i)) {
                return i;
            }
        }
        return -1;
    }

    int find(Matcher m, String s, int from) {
        return find(m, s, s, from);
    }

    /** {@code pattern.matcher(s).find()}; no matcher is made when no position qualifies. */
    boolean in(String s) {
        int i = next(s, s, 0);
        if (i < 0) {
            return false;
        }
        return find(matcher(s), s, s, i) >= 0;
    }
}
