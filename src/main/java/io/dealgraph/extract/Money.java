package io.dealgraph.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds money amounts in a sentence: figures, scales, currencies, qualifiers, ranges and dollar conversions. */
final class Money {

    /** {@code start}/{@code end} are offsets within the sentence text. */
    record Amount(int start, int end, long amount, String currency, Long usd, String qualifier) {
    }

    private static final String NUM_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred|hundreds of|a|half a";
    private static final String QUAL = "(?<qual>up to|as much as|as many as|more than|over|at least|in excess of|north of|upwards of|above|"
            + "about|around|roughly|nearly|almost|approximately|close to|some|an estimated|just under|just over|under|less than)\\s+";
    private static final String CUR = "(?<cur>US\\$|USD\\s?|\\$|€|£|¥|EUR\\s?|GBP\\s?|A\\$|C\\$|CA\\$|S\\$)";
    private static final String NUM = "(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|" + NUM_WORDS + ")";
    private static final String SCALE = "(?<scale>trillion|billion|million|thousand|bn|tn|mn|mln|b|m|k|t)";
    private static final String RANGE_TAIL = "(?:\\s*(?:-|–|to|and)\\s*(?:" + CUR.replace("cur", "cur3") + ")?\\s*(?<num2>\\d+(?:\\.\\d+)?)\\s*(?<scale2>trillion|billion|million|bn|b|m)?\\b)?";
    private static final String CUR_AFTER = "(?:\\s+(?<cur2>dollars|euros|pounds|yen|USD|EUR|GBP|U\\.S\\. dollars|US dollars))?";

    private static final Pattern QUAL_BEFORE = Pattern.compile("(?i)\\b(?:" + QUAL + ")(?:between\\s+)?$");
    private static final Starts QUAL_BEFORE_AT = Starts.ignoringCase(QUAL_BEFORE, "up to", "as much as", "as many as", "more than", "over",
            "at least", "in excess of", "north of", "upwards of", "above", "about", "around", "roughly", "nearly", "almost",
            "approximately", "close to", "some", "an estimated", "just under", "just over", "under", "less than").atWordStarts();
    /** Applied with lookingAt() at candidate positions only: a currency sign, a digit, or a number word. */
    private static final Pattern MONEY = Pattern.compile(
            "(?i)" + CUR + "?\\s?" + NUM + "(?<plus1>\\+)?(?:\\s*|-)" + SCALE + "?\\b(?<plus>\\+|-plus|\\s*plus\\b)?"
                    + RANGE_TAIL + CUR_AFTER);

    /** "($16 million)", "(about $16 million)", ", or about $16 million" right after a foreign amount. */
    private static final Pattern USD_CONVERSION = Pattern.compile(
            "(?i)^\\s*(?:\\(|,\\s*or\\s+|,\\s*)(?:about\\s+|roughly\\s+|around\\s+|approximately\\s+|nearly\\s+|some\\s+)?(?:US\\$|\\$|USD\\s?)(\\d+(?:\\.\\d+)?)\\s*(trillion|billion|million|bn|b|m)?\\b");

    /** A bracket right after a dollar figure that gives it in another currency. */
    private static final Pattern CONVERSION_BACK = Pattern.compile(
            "\\s*\\((?:about |around |roughly |approximately |nearly |some |or )?(?:€|£|¥|₹|EUR|GBP|JPY|INR|Rs\\.?|CHF|RMB|CNY|SEK|DKK|NOK|A\\$|C\\$|S\\$)\\s?[\\d.,]+\\s*[\\p{L}.]*\\)");

    private static final Map<String, Double> WORDS = Map.ofEntries(
            Map.entry("one", 1d), Map.entry("a", 1d), Map.entry("half a", 0.5), Map.entry("two", 2d), Map.entry("three", 3d),
            Map.entry("four", 4d), Map.entry("five", 5d), Map.entry("six", 6d), Map.entry("seven", 7d), Map.entry("eight", 8d),
            Map.entry("nine", 9d), Map.entry("ten", 10d), Map.entry("eleven", 11d), Map.entry("twelve", 12d),
            Map.entry("fifteen", 15d), Map.entry("twenty", 20d), Map.entry("thirty", 30d), Map.entry("forty", 40d),
            Map.entry("fifty", 50d), Map.entry("sixty", 60d), Map.entry("seventy", 70d), Map.entry("eighty", 80d),
            Map.entry("ninety", 90d), Map.entry("a hundred", 100d), Map.entry("one hundred", 100d));

    private Money() {
    }

    /**
     * Most sentences hold no money; a scan for a digit, a currency sign or a currency word skips the regex. {@code l}:
     * the sentence lower-cased per character ({@link RuleBasedExtractor#lower}), which holds the currency words where
     * {@code s.toLowerCase(Locale.ROOT)} does (the two differ only in letters none of the words has).
     */
    static boolean mayHoldMoney(String s, String l) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' || c == '€' || c == '£' || c == '¥') {
                return true;
            }
        }
        return l.contains("dollar") || l.contains("euro") || l.contains("pound") || l.contains("usd") || l.contains("eur ")
                || l.contains("yen") || l.contains("gbp");
    }

    static List<Amount> find(String s) {
        return find(s, RuleBasedExtractor.lower(s));
    }

    /** {@code l}: the sentence lower-cased by {@link RuleBasedExtractor#lower}. */
    static List<Amount> find(String s, String l) {
        List<Amount> out = new ArrayList<>();
        if (!mayHoldMoney(s, l)) {
            return out;
        }
        Matcher m = MONEY.matcher(s);
        int skipUntil = 0;
        boolean currencyWord = hasCurrencyWord(l);
        int pos = 0;
        while (pos < s.length()) {
            if (!candidate(s, pos, currencyWord)) {
                pos++;
                continue;
            }
            m.region(pos, s.length());
            if (!m.lookingAt()) {
                pos++;
                continue;
            }
            int tried = pos;
            pos = Math.max(pos + 1, m.end());
            if (m.start() < skipUntil) {
                continue;
            }
            String cur = m.group("cur");
            String cur2 = m.group("cur2");
            String scale = m.group("scale");
            String num = m.group("num");
            if (num == null || (cur == null && cur2 == null)) {
                // no money, so nothing to skip: "2024 to $3 billion" holds "$3 billion"
                pos = tried + 1;
                continue;
            }
            boolean wordNum = !Character.isDigit(num.charAt(0));
            if (num.toLowerCase(Locale.ROOT).startsWith("hundreds")) {
                continue; // "hundreds of millions": no figure
            }
            if (wordNum && cur2 == null && scale == null) {
                continue; // "$a" is not money
            }
            if (scale != null && scale.length() == 1 && cur == null) {
                continue; // "5 m dollars" is too ambiguous; "5m" needs a currency sign
            }
            if (scale == null && cur != null && !wordNum && m.group("plus1") == null && cur2 == null) {
                // bare "$500": keep, it is money, but only if it is a plausible deal figure
            }
            double value = wordNum ? WORDS.getOrDefault(num.toLowerCase(Locale.ROOT), -1d) : parse(num);
            if (value < 0) {
                continue;
            }
            double mult = multiplier(scale);
            // find() in the region [m.start() - 30, m.start()) with its default opaque, anchoring bounds: the same as
            // in that substring, tried only where a qualifier begins
            int qFrom = Math.max(0, m.start() - 30);
            String qw = s.substring(qFrom, m.start());
            Matcher qm = QUAL_BEFORE_AT.matcher(qw);
            String qualWords = QUAL_BEFORE_AT.find(qm, qw, 0) >= 0 ? qm.group("qual") : null;
            String qual = qualifier(qualWords);
            if (m.group("plus") != null || m.group("plus1") != null) {
                qual = "at_least";
            }
            String num2 = m.group("num2");
            int end = m.end();
            if (num2 != null && !isRangeJoinerAnd(s, m)) {
                double v2 = parse(num2) * multiplier(m.group("scale2") != null ? m.group("scale2") : scale);
                if (m.group("scale2") != null && scale == null) {
                    mult = multiplier(m.group("scale2"));
                }
                value = v2 / mult;
                qual = "up_to";
            } else if (num2 != null) {
                end = m.end("scale") >= 0 ? Math.max(m.end("num"), m.end("scale")) : m.end("num");
                if (m.group("plus") != null) {
                    end = m.end("plus");
                }
            }
            String currency = currency(cur != null ? cur : cur2);
            long amount = Math.round(value * mult);
            if (amount <= 0) {
                continue;
            }
            Long usd = "USD".equals(currency) ? amount : null;
            Matcher conv = USD_CONVERSION.matcher(s.substring(end));
            if (!"USD".equals(currency) && conv.find()) {
                usd = Math.round(parse(conv.group(1)) * multiplier(conv.group(2)));
                skipUntil = end + conv.end();
            } else if ("USD".equals(currency)) {
                // "$2 billion (€1.7bn)", "$100 million (Rs 830 crore)": the bracket restates the figure
                Matcher back = CONVERSION_BACK.matcher(s.substring(end));
                if (back.lookingAt()) {
                    skipUntil = end + back.end();
                }
            }
            int start = qualWords != null ? qFrom + qm.start() : m.start();
            while (start < end && Character.isWhitespace(s.charAt(start))) {
                start++;
            }
            out.add(new Amount(start, end, amount, currency, usd, qual));
        }
        return out;
    }

    /** "between $1 billion and $2 billion" is a range; "$5 billion and 10 years" is not. */
    private static boolean isRangeJoinerAnd(String s, Matcher m) {
        String joiner = s.substring(m.end("scale") >= 0 ? m.end("scale") : m.end("num"), m.start("num2")).toLowerCase(Locale.ROOT);
        if (!joiner.contains("and")) {
            return false;
        }
        return !s.substring(Math.max(0, m.start() - 9), m.start()).toLowerCase(Locale.ROOT).contains("between");
    }

    private static boolean hasCurrencyWord(String l) {
        return l.contains("dollar") || l.contains("euro") || l.contains("pound") || l.contains("usd") || l.contains("eur")
                || l.contains("yen") || l.contains("gbp");
    }

    /** Where a money expression may start: a currency sign or code, a number, or (with a currency word) a number word. */
    private static boolean candidate(String s, int i, boolean currencyWord) {
        char c = s.charAt(i);
        char prev = i > 0 ? s.charAt(i - 1) : ' ';
        if (Character.isLetterOrDigit(prev) && !(prev == 'S' && c == '$') || prev == '.' || prev == ',') {
            return c == '$' && (prev == 'S' || prev == 'A' || prev == 'C');
        }
        if (c == '$' || c == '€' || c == '£' || c == '¥' || Character.isDigit(c)) {
            return true;
        }
        if (c == 'U' || c == 'E' || c == 'G' || c == 'A' || c == 'C' || c == 'S') {
            return s.startsWith("US$", i) || s.startsWith("USD", i) || s.startsWith("EUR", i) || s.startsWith("GBP", i)
                    || s.startsWith("A$", i) || s.startsWith("C$", i) || s.startsWith("CA$", i) || s.startsWith("S$", i);
        }
        return currencyWord && Character.isLetter(c) && MONEY_WORD_AT.at(s, i);
    }

    /**
     * Where MONEY can begin: a digit, a currency sign, the space its optional \\s? takes before a number, or (what
     * candidate() asks at a letter) a number word or a currency code, case-insensitive ("a" covers "a hundred").
     */
    private static final Starts MONEY_WORD_AT = Starts.ignoringCaseDigitsAnd(MONEY, "$", "€", "£", "¥", " ", "\t", "\n", "\u000B",
            "\f", "\r", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            "a", "hundreds", "half", "us$", "usd", "eur", "gbp", "c$", "ca$", "s$");

    private static double parse(String num) {
        return new BigDecimal(num.replace(",", "")).doubleValue();
    }

    private static double multiplier(String scale) {
        if (scale == null) {
            return 1;
        }
        return switch (scale.toLowerCase(Locale.ROOT)) {
            case "trillion", "tn", "t" -> 1e12;
            case "billion", "bn", "b" -> 1e9;
            case "million", "mn", "mln", "m" -> 1e6;
            case "thousand", "k" -> 1e3;
            default -> 1;
        };
    }

    private static String qualifier(String q) {
        if (q == null) {
            return "exact";
        }
        return switch (q.toLowerCase(Locale.ROOT)) {
            case "up to", "as much as", "as many as" -> "up_to";
            case "more than", "over", "at least", "in excess of", "north of", "upwards of", "above", "just over" -> "at_least";
            default -> "about";
        };
    }

    private static String currency(String c) {
        String k = c.trim().toUpperCase(Locale.ROOT);
        return switch (k) {
            case "€", "EUR", "EUROS" -> "EUR";
            case "£", "GBP", "POUNDS" -> "GBP";
            case "¥", "YEN" -> "JPY";
            case "A$" -> "AUD";
            case "C$", "CA$" -> "CAD";
            case "S$" -> "SGD";
            default -> "USD";
        };
    }
}
