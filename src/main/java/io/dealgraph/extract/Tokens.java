package io.dealgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/** Word and punctuation tokens with offsets; a hand-written scanner because it runs on every sentence. */
final class Tokens {

    /**
     * {@code lower}: the text in lower case (Locale.ROOT); {@code word} and {@code capitalised} as {@link #isWord()}
     * and {@link #isCapitalised()} say. Computed once, as the recogniser asks each token several times.
     */
    record Token(String text, int start, int end, String lower, boolean word, boolean capitalised) {

        Token(String text, int start, int end) {
            this(text, start, end, text.toLowerCase(Locale.ROOT), Character.isLetterOrDigit(text.charAt(0)), capitalised(text));
        }

        boolean isWord() {
            return word;
        }

        boolean isCapitalised() {
            return capitalised;
        }

        private static boolean capitalised(String text) {
            char c = text.charAt(0);
            if (Character.isUpperCase(c) && GLUED_FIGURE.matcher(text).matches() && Money.currencySymbol(text.substring(0, firstDigit(text)))) {
                return false; // "R46m", "CHF250m", "RMB50M": a currency code glued to a figure is money, not a name
            }
            return Character.isUpperCase(c) || (Character.isLowerCase(c) && text.length() > 1 && hasUpperAfterFirst(text));
        }

        private static final java.util.regex.Pattern GLUED_FIGURE = java.util.regex.Pattern.compile(
                "\\p{Lu}{1,3}\\d[\\d.,]*(?:m|mn|bn|b|k|M|B|K|Mn|Bn)");

        private static int firstDigit(String text) {
            int i = 0;
            while (i < text.length() && !Character.isDigit(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private static boolean hasUpperAfterFirst(String text) {
            // xAI, eBay, iPhone: lower-case first letter, capital inside
            for (int i = 1; i < text.length(); i++) {
                if (Character.isUpperCase(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    private Tokens() {
    }

    /** One-character strings for punctuation tokens, made once. */
    private static final String[] ASCII = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = String.valueOf(c);
        }
    }

    private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile("\\.(?:ai|AI|io|com|Com|COM|co|app|vc|VC|tech)(?![\\p{L}\\d])");

    /** "Etched.ai", "Pony.ai", "Amazon.com", "Maki.vc": a web domain is the company's name; a full stop would end the sentence. */
    private static int domainEnd(String s, int j, int to) {
        if (j + 2 < to && s.charAt(j) == '.' && Character.isLetter(s.charAt(j + 1))) {
            java.util.regex.Matcher m = DOMAIN.matcher(s).region(j, to);
            if (m.lookingAt()) {
                return m.end();
            }
        }
        return j;
    }

    /** "A/O PropTech", "Grupo S/A": two capital initials joined by a slash are one word of a name, not two. */
    private static int initialsEnd(String s, int i, int j, int to) {
        if (j == i + 1 && Character.isUpperCase(s.charAt(i)) && j + 1 < to && s.charAt(j) == '/'
                && Character.isUpperCase(s.charAt(j + 1)) && (j + 2 == to || !Character.isLetterOrDigit(s.charAt(j + 2)))) {
            return j + 2;
        }
        return j;
    }

    static List<Token> of(String s) {
        return of(s, 0, s.length());
    }

    /** Tokens of {@code s.substring(from, to)}, offsets relative to {@code s}. */
    static List<Token> of(String s, int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                // a dot raised inside a word is a brand's spelling ("P•TAL"); a list's bullet stands before a space
                while (j < to && (Character.isLetterOrDigit(s.charAt(j))
                        || (s.charAt(j) == '•' || s.charAt(j) == '·') && j + 1 < to && Character.isLetter(s.charAt(j + 1)))) {
                    j++;
                }
                j = domainEnd(s, j, to);
                j = initialsEnd(s, i, j, to);
                out.add(new Token(s.substring(i, j), i, j));
                i = j;
            } else {
                char p = c == '’' ? '\'' : c;
                out.add(new Token(p < 128 ? ASCII[p] : String.valueOf(p), i, i + 1));
                i++;
            }
        }
        return out;
    }

    /**
     * The next match of {@code m} starting at a word start whose first letter is in {@code first}, from {@code from}; -1
     * when none. The same matches as find() for patterns that begin at a word with one of those letters, without
     * trying the pattern's alternatives at every character.
     */
    static int wordMatch(Matcher m, String s, int from, String first) {
        return wordMatch(m, s, from, first, null, null);
    }

    /**
     * As {@link #wordMatch(Matcher, String, int, String)}, trying only word starts where one of {@code starts} begins
     * in {@code t} (the text itself, or its lower case for a case-insensitive pattern).
     */
    static int wordMatch(Matcher m, String s, int from, String first, Starts starts, String t) {
        return wordMatch(m, s, from, first, starts, t, null);
    }

    /** The positions wordMatch tries in {@code s}: its start, and after every character that is no letter or digit. */
    static WordStarts wordStarts(String s) {
        int n = s.length();
        int[] at = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))) {
                at[k++] = i;
            }
        }
        return new WordStarts(at, k);
    }

    /** Word starts of one text, ascending; {@code count} of {@code at} are used. */
    record WordStarts(int[] at, int count) {
        int firstFrom(int from) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (at[mid] < from) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** As above; {@code ws}, when given, the word starts of {@code s}, so that several searches scan it once. */
    static int wordMatch(Matcher m, String s, int from, String first, Starts starts, String t, WordStarts ws) {
        if (ws != null) {
            int n = s.length();
            for (int k = ws.firstFrom(from); k < ws.count(); k++) {
                int i = ws.at()[k];
                if (first.indexOf(s.charAt(i)) >= 0 && (starts == null || starts.at(t, i))) {
                    m.region(i, n);
                    if (m.lookingAt()) {
                        return i;
                    }
                }
            }
            return -1;
        }
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if ((i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))) && first.indexOf(c) >= 0 && (starts == null || starts.at(t, i))) {
                m.region(i, n);
                if (m.lookingAt()) {
                    return i;
                }
            }
        }
        return -1;
    }

}
