package io.dealgraph.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds date expressions in a sentence and resolves them against the publication date, keeping their precision
 * ({@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}). Relative expressions without a publication date stay null.
 */
final class Dates {

    /** Offsets within the sentence; {@code value} null when nothing anchors a relative expression. */
    record DateMention(int start, int end, String value) {
    }

    private static final String MONTH = "(?<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final String NUMW = "(?<n>\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)";

    private static final Pattern ISO = Pattern.compile("\\b(?<y>(?:19|20)\\d\\d)-(?<m>[01]\\d)-(?<d>[0-3]\\d)\\b");
    private static final Pattern MDY = Pattern.compile("\\b" + MONTH + "\\.?\\s+(?<d>[0-3]?\\d)(?:st|nd|rd|th)?,?\\s+(?<y>(?:19|20)\\d\\d)\\b");
    private static final Pattern DMY = Pattern.compile("\\b(?<d>[0-3]?\\d)(?:st|nd|rd|th)?\\s+" + MONTH + "\\.?,?\\s+(?<y>(?:19|20)\\d\\d)\\b");
    private static final Pattern MY = Pattern.compile("\\b" + MONTH + "\\.?,?\\s+(?:of\\s+)?(?<y>(?:19|20)\\d\\d)\\b");
    private static final Pattern MD = Pattern.compile("\\b" + MONTH + "\\.?\\s+(?<d>[0-3]?\\d)(?:st|nd|rd|th)?\\b(?!,?\\s*(?:19|20)\\d\\d)");
    private static final Pattern IN_MONTH = Pattern.compile("\\b(?:in|since|during|by|until|last|this|early|late|mid-?)\\s+" + MONTH + "\\b(?!\\.?\\s*\\d)");
    private static final Pattern QUARTER = Pattern.compile("(?i)\\b(?:Q(?<q>[1-4])\\s*(?:of\\s+)?(?<y>(?:19|20)\\d\\d)|(?<qw>first|second|third|fourth) quarter of (?<y2>(?:19|20)\\d\\d))\\b");
    private static final Pattern YEAR = Pattern.compile("(?i)\\b(?:(?:in|since|during|by|early|late|mid-?|of|from|until|through)\\s+(?:early\\s+|late\\s+|mid-)?|mid-)(?<y>(?:19|20)\\d\\d)\\b(?![-–]\\d)");
    /** A year that tells which round or deal: "in a 2017 series C round", "its 2021 funding". */
    private static final Pattern YEAR_OF_DEAL = Pattern.compile(
            "(?i)(?<y>(?:19|20)\\d\\d)\\s+(?:series|seed|pre-seed|round|funding|financing|investment|fundraising|raise|deal|tranche)\\b");
    private static final Pattern RELATIVE = Pattern.compile(
            "(?i)\\b(?<w>today|yesterday|this week|last week|this month|last month|earlier this month|earlier this year|this year|last year|"
                    + "(?:on|last|this past)\\s+(?<dow>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                    + NUMW + "\\s+(?<unit>days?|weeks?|months?|years?)\\s+(?<dir>ago|earlier|prior|before|after|later))\\b");

    private static final Map<String, Integer> WORD_NUM = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("several", 3), Map.entry("a few", 3));

    private Dates() {
    }

    // first letters of each pattern's possible starts, for Tokens.wordMatch
    private static final String MONTH_FIRST = "JFMASOND";
    private static final String DIGITS = "0123456789";
    private static final String IN_MONTH_FIRST = "isdbulte" + "m";
    private static final String YEAR_FIRST = "isdbelmofutISDBELMOFUT";
    private static final String RELATIVE_FIRST = "tyleoafsnwTYLEOAFSNW0123456789";

    // the literals each pattern's matches begin with: word starts where none begins are not tried
    private static final Starts ISO_AT = Starts.of(ISO, "19", "20").atWordStarts();
    private static final Starts QUARTER_AT = Starts.onLowerCase(QUARTER, "q", "first", "second", "third", "fourth").atWordStarts();
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final Starts MDY_STARTS = Starts.of(MDY, MONTHS);
    private static final Starts MY_STARTS = Starts.of(MY, MONTHS);
    private static final Starts MD_STARTS = Starts.of(MD, MONTHS);
    private static final Starts IN_MONTH_STARTS = Starts.of(IN_MONTH, "in", "since", "during", "by", "until", "last", "this", "early", "late", "mid");
    /** Case-insensitive patterns: looked for in the lower-cased sentence. */
    private static final Starts YEAR_STARTS = Starts.onLowerCase(YEAR, "in", "since", "during", "by", "early", "late", "mid", "of", "from", "until", "through");
    private static final Starts YEAR_OF_DEAL_AT = Starts.onLowerCase(YEAR_OF_DEAL, "19", "20").atWordStarts();
    /** "on", "a" and "an" begin a match only before the whitespace (\\s) that follows them in the pattern. */
    private static final Starts RELATIVE_STARTS = Starts.onLowerCaseDigitsAnd(RELATIVE, "today", "yesterday", "this", "last", "earlier",
            "on ", "on\t", "on\n", "on\u000B", "on\f", "on\r", "a ", "a\t", "a\n", "a\u000B", "a\f", "a\r", "an ", "an\t", "an\n",
            "an\u000B", "an\f", "an\r", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "several");

    private static final String[] MONTH_PREFIXES = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    static List<DateMention> find(String s, LocalDate published) {
        return find(s, RuleBasedExtractor.lower(s), published);
    }

    /** {@code l}: the sentence in lower case, same length. */
    static List<DateMention> find(String s, String l, LocalDate published) {
        List<DateMention> out = new ArrayList<>();
        boolean digit = false;
        for (int i = 0; i < s.length() && !digit; i++) {
            digit = Character.isDigit(s.charAt(i));
        }
        boolean month = false;
        for (String mon : MONTH_PREFIXES) {
            if (s.contains(mon)) {
                month = true;
                break;
            }
        }
        boolean relative = l.contains("today") || l.contains("yesterday") || l.contains("week") || l.contains("month")
                || l.contains("year") || l.contains("day");
        if (!digit && !month && !relative) {
            return out;
        }
        if (!digit && !month) {
            Matcher r = RELATIVE.matcher(s);
            boolean[] once = new boolean[s.length() + 1];
            for (int at = Tokens.wordMatch(r, s, 0, RELATIVE_FIRST, RELATIVE_STARTS, l); at >= 0;
                 at = Tokens.wordMatch(r, s, r.end(), RELATIVE_FIRST, RELATIVE_STARTS, l)) {
                add(out, once, r, published == null ? null : relative(r, published));
            }
            return out;
        }
        boolean[] used = new boolean[s.length() + 1];
        // with a month name, five searches below visit the word starts: collect them once
        Tokens.WordStarts ws = month ? Tokens.wordStarts(s) : null;
        Matcher m = ISO_AT.matcher(s);
        for (int at = digit && s.indexOf('-') >= 0 ? ISO_AT.find(m, s, 0) : -1; at >= 0; at = ISO_AT.find(m, s, m.end())) {
            add(out, used, m, day(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")), Integer.parseInt(m.group("d"))));
        }
        for (Pattern p : month ? new Pattern[]{MDY, DMY} : new Pattern[0]) {
            m = p.matcher(s);
            String first = p == MDY ? MONTH_FIRST : DIGITS;
            Starts starts = p == MDY ? MDY_STARTS : null;
            for (int at = Tokens.wordMatch(m, s, 0, first, starts, s, ws); at >= 0; at = Tokens.wordMatch(m, s, m.end(), first, starts, s, ws)) {
                add(out, used, m, day(Integer.parseInt(m.group("y")), month(m.group("mon")), Integer.parseInt(m.group("d"))));
            }
        }
        m = QUARTER_AT.matcher(s);
        for (int at = l.contains("q") || l.contains("quarter") ? QUARTER_AT.find(m, s, l, 0) : -1; at >= 0; at = QUARTER_AT.find(m, s, l, m.end())) {
            add(out, used, m, m.group("y") != null ? m.group("y") : m.group("y2"));
        }
        m = MY.matcher(s);
        for (int at = month ? Tokens.wordMatch(m, s, 0, MONTH_FIRST, MY_STARTS, s, ws) : -1; at >= 0;
             at = Tokens.wordMatch(m, s, m.end(), MONTH_FIRST, MY_STARTS, s, ws)) {
            add(out, used, m, String.format(Locale.ROOT, "%s-%02d", m.group("y"), month(m.group("mon"))));
        }
        m = MD.matcher(s);
        for (int at = month && published != null ? Tokens.wordMatch(m, s, 0, MONTH_FIRST, MD_STARTS, s, ws) : -1; at >= 0;
             at = Tokens.wordMatch(m, s, m.end(), MONTH_FIRST, MD_STARTS, s, ws)) {
            if (published == null || m.group("mon").equals("May") && !Character.isDigit(s.charAt(Math.min(s.length() - 1, m.end("mon") + 1)))) {
                continue;
            }
            int mon = month(m.group("mon"));
            int d = Integer.parseInt(m.group("d"));
            if (d < 1 || d > 31) {
                continue;
            }
            int y = published.getYear();
            if (mon > published.getMonthValue() + 1) {
                y--; // a month well after publication is last year's
            }
            add(out, used, m, day(y, mon, d));
        }
        m = IN_MONTH.matcher(s);
        for (int at = month ? Tokens.wordMatch(m, s, 0, IN_MONTH_FIRST, IN_MONTH_STARTS, s, ws) : -1; at >= 0;
             at = Tokens.wordMatch(m, s, m.end(), IN_MONTH_FIRST, IN_MONTH_STARTS, s, ws)) {
            if (published == null) {
                add(out, used, m, null);
                continue;
            }
            int mon = month(m.group("mon"));
            int y = published.getYear();
            if (mon > published.getMonthValue() || m.group().toLowerCase(Locale.ROOT).startsWith("last") && mon == published.getMonthValue()) {
                y--;
            }
            add(out, used, m, String.format(Locale.ROOT, "%d-%02d", y, mon));
        }
        m = YEAR.matcher(s);
        for (int at = digit && (s.contains("19") || s.contains("20")) ? Tokens.wordMatch(m, s, 0, YEAR_FIRST, YEAR_STARTS, l, ws) : -1; at >= 0;
             at = Tokens.wordMatch(m, s, m.end(), YEAR_FIRST, YEAR_STARTS, l, ws)) {
            add(out, used, m, m.group("y"));
        }
        m = YEAR_OF_DEAL_AT.matcher(s);
        for (int at = digit ? YEAR_OF_DEAL_AT.find(m, s, l, 0) : -1; at >= 0; at = YEAR_OF_DEAL_AT.find(m, s, l, m.end())) {
            add(out, used, m, m.group("y"));
        }
        m = RELATIVE.matcher(s);
        for (int at = relative ? Tokens.wordMatch(m, s, 0, RELATIVE_FIRST, RELATIVE_STARTS, l, ws) : -1; at >= 0;
             at = Tokens.wordMatch(m, s, m.end(), RELATIVE_FIRST, RELATIVE_STARTS, l, ws)) {
            add(out, used, m, published == null ? null : relative(m, published));
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static String relative(Matcher m, LocalDate pub) {
        String w = m.group("w").toLowerCase(Locale.ROOT);
        if (m.group("dow") != null) {
            DayOfWeek dow = DayOfWeek.valueOf(m.group("dow").toUpperCase(Locale.ROOT));
            return pub.with(TemporalAdjusters.previousOrSame(dow)).toString();
        }
        if (m.group("unit") != null) {
            String nw = m.group("n").toLowerCase(Locale.ROOT);
            int n = Character.isDigit(nw.charAt(0)) ? Integer.parseInt(nw) : WORD_NUM.getOrDefault(nw, 1);
            String unit = m.group("unit").toLowerCase(Locale.ROOT);
            String dir = m.group("dir").toLowerCase(Locale.ROOT);
            if (dir.equals("later")) {
                return null; // later than what the text talks about: no anchor we can trust
            }
            if (unit.startsWith("day")) {
                return pub.minusDays(n).toString();
            }
            if (unit.startsWith("week")) {
                return YearMonth.from(pub.minusWeeks(n)).toString();
            }
            if (unit.startsWith("month")) {
                return YearMonth.from(pub.minusMonths(n)).toString();
            }
            return String.valueOf(pub.minusYears(n).getYear());
        }
        return switch (w) {
            case "today" -> pub.toString();
            case "yesterday" -> pub.minusDays(1).toString();
            case "this week" -> pub.toString();
            case "last week" -> YearMonth.from(pub.minusWeeks(1)).toString();
            case "this month", "earlier this month" -> YearMonth.from(pub).toString();
            case "last month" -> YearMonth.from(pub.minusMonths(1)).toString();
            case "this year", "earlier this year" -> String.valueOf(pub.getYear());
            case "last year" -> String.valueOf(pub.getYear() - 1);
            default -> null;
        };
    }

    private static void add(List<DateMention> out, boolean[] used, Matcher m, String value) {
        for (int i = m.start(); i < m.end(); i++) {
            if (used[i]) {
                return;
            }
        }
        for (int i = m.start(); i < m.end(); i++) {
            used[i] = true;
        }
        out.add(new DateMention(m.start(), m.end(), value));
    }

    private static String day(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d).toString();
        } catch (RuntimeException e) {
            return String.format(Locale.ROOT, "%d-%02d", y, m);
        }
    }

    static int month(String name) {
        String k = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return switch (k) {
            case "jan" -> 1; case "feb" -> 2; case "mar" -> 3; case "apr" -> 4; case "may" -> 5; case "jun" -> 6;
            case "jul" -> 7; case "aug" -> 8; case "sep" -> 9; case "oct" -> 10; case "nov" -> 11; default -> 12;
        };
    }

    private static final Pattern DATELINE_LABEL = Pattern.compile("(?i)^(?:published|updated|posted|date)\\s*[:\\-]?\\s*");

    /** A date the document states about itself: a full date opening one of its first lines ("Published: ..." too). */
    static LocalDate dateline(String text) {
        int pos = 0;
        for (int line = 0; line < 20 && pos < text.length(); line++) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = text.length();
            }
            String l = text.substring(pos, eol).trim();
            pos = eol + 1;
            Matcher lab = DATELINE_LABEL.matcher(l);
            if (lab.find()) {
                l = l.substring(lab.end());
            }
            for (DateMention d : find(l, null)) {
                if (d.start() <= 2 && d.value() != null && d.value().length() == 10) {
                    return LocalDate.parse(d.value());
                }
            }
        }
        return null;
    }
}
