package io.dealgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences with offsets. News text mixes prose with headlines, bullets and table rows that carry
 * no final punctuation, so a line break ends a sentence unless the next line plainly continues it (lower-case start
 * after a line without final punctuation: hard-wrapped prose).
 */
final class Sentences {

    record Sentence(int index, int start, int end, String text) {
    }

    private static final Set<String> ABBREVIATIONS = Set.of(
            "inc", "corp", "co", "ltd", "llc", "plc", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "no", "jr", "sr",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est",
            "e.g", "i.e", "etc", "u.s", "u.k", "u.n", "e.u", "fig", "gov", "sen", "rep", "gen", "ft", "mt", "al", "pvt", "pte");

    /**
     * Longest sentence, in characters. Longer "sentences" are run-together tables, link lists or text without any
     * full stop, and what every later stage spends on a sentence grows with its length, some of it (the named-entity
     * model, the context windows) faster than linearly; cut into pieces of at most this length, a document costs
     * in proportion to its size whatever its shape. News sentences stay far below it (the longest in the seeds, our
     * test documents and the study articles is about 400 characters), so for them nothing changes.
     */
    static final int MAX_CHARS = 1000;

    private Sentences() {
    }

    static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        int sentStart = 0;
        while (lineStart <= n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            // split inside the line at sentence punctuation
            int i = lineStart;
            while (i < lineEnd) {
                char c = text.charAt(i);
                if ((c == '.' || c == '!' || c == '?') && isBoundary(text, i, lineEnd, sentStart)) {
                    int end = i + 1;
                    while (end < lineEnd && (text.charAt(end) == '"' || text.charAt(end) == '”' || text.charAt(end) == '\''
                            || text.charAt(end) == '’' || text.charAt(end) == ')')) {
                        end++;
                    }
                    add(out, text, sentStart, end);
                    sentStart = end;
                    i = end;
                } else {
                    i++;
                }
            }
            if (lineEnd >= n) {
                add(out, text, sentStart, n);
                break;
            }
            if (!continues(text, lineStart, lineEnd)) {
                add(out, text, sentStart, lineEnd);
                sentStart = lineEnd + 1;
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    /** A wrapped line: this one is long, lacks final punctuation, and the next starts in lower case. */
    private static boolean continues(String text, int lineStart, int lineEnd) {
        int e = lineEnd;
        while (e > lineStart && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e - lineStart < 40) {
            return false;
        }
        char last = text.charAt(e - 1);
        if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"' || last == '”') {
            return false;
        }
        int k = lineEnd + 1;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        return k < text.length() && Character.isLowerCase(text.charAt(k));
    }

    private static boolean isBoundary(String text, int i, int lineEnd, int sentStart) {
        char c = text.charAt(i);
        int j = i + 1;
        if (j < lineEnd && Character.isLetterOrDigit(text.charAt(j))) {
            return false; // 1.25, Amazon.com
        }
        while (j < lineEnd && (text.charAt(j) == '"' || text.charAt(j) == '”' || text.charAt(j) == '’'
                || text.charAt(j) == '\'' || text.charAt(j) == ')')) {
            j++;
        }
        if (j < lineEnd && !Character.isWhitespace(text.charAt(j))) {
            return false;
        }
        while (j < lineEnd && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        if (j >= lineEnd) {
            return true;
        }
        char next = text.charAt(j);
        if (Character.isLowerCase(next)) {
            return false;
        }
        if (c != '.') {
            return true;
        }
        // the word before the period
        int w = i;
        while (w > sentStart && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, i).toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return true;
        }
        if (ABBREVIATIONS.contains(word)) {
            // "Inc." and "Corp." end sentences too; only treat as a boundary when a new sentence clearly starts
            return (word.equals("inc") || word.equals("corp") || word.equals("co") || word.equals("ltd"))
                    && startsSentence(text, j, lineEnd);
        }
        if (word.length() == 1 && Character.isUpperCase(text.charAt(i - 1))
                && (w == 0 || Character.isWhitespace(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            return false; // an initial: "T. Rowe Price", "J. Smith"
        }
        return true;
    }

    private static boolean startsSentence(String text, int j, int lineEnd) {
        int k = j;
        while (k < lineEnd && Character.isLetter(text.charAt(k))) {
            k++;
        }
        String w = text.substring(j, k);
        // "Denso Corp. Separately, Sakana AI said…": an adverb and its comma open a sentence
        return SENTENCE_OPENERS.contains(w) || w.length() > 4 && w.endsWith("ly") && Character.isUpperCase(w.charAt(0))
                && k < lineEnd && text.charAt(k) == ',';
    }

    private static final Set<String> SENTENCE_OPENERS = Set.of("The", "It", "Its", "This", "That", "In", "On", "A", "An", "He", "She",
            "They", "We", "But", "However", "Meanwhile", "According");

    private static void add(List<Sentence> out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (end - start > MAX_CHARS) {
            int cut = cut(text, start);
            add(out, text, start, cut);
            start = cut;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        if (end > start) {
            out.add(new Sentence(out.size(), start, end, text.substring(start, end)));
        }
    }

    /**
     * Where to end a piece of an over-long sentence that starts at {@code start}: after the last space in the second
     * half of the allowed length, so that words stay whole; with no space there, at the length itself (between two
     * halves of a surrogate pair never).
     */
    private static int cut(String text, int start) {
        int limit = start + MAX_CHARS;
        for (int i = limit; i > start + MAX_CHARS / 2; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }
}
