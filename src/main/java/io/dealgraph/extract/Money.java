package io.dealgraph.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds money amounts in a sentence: figures, scales, currencies, qualifiers, ranges and dollar conversions. The
 * currencies (signs, codes, words) and scales are data, in {@code extract/rules/money.yaml}.
 */
final class Money {

    /** {@code start}/{@code end} are offsets within the sentence text. */
    record Amount(int start, int end, long amount, String currency, Long usd, String qualifier) {
    }

    static final String RESOURCE = "extract/rules/money.yaml";

    /** The data file, read once: symbol and word to currency code, scale word to multiplier. */
    private static final class Table {
        final Map<String, String> bySymbol = new HashMap<>();
        final Map<String, String> byWord = new HashMap<>();
        final Map<String, Double> scales = new HashMap<>();
        final List<String> symbols = new ArrayList<>();
        final List<String> words = new ArrayList<>();
        /** Scale words of other languages, after which figures are written the way those languages write them. */
        final List<String> otherLanguageScales = new ArrayList<>();
        /** First characters of the symbols: where a figure may begin besides a digit. */
        final String symbolFirsts;

        Table(JsonNode root) {
            root.path("currencies").fields().forEachRemaining(e -> {
                e.getValue().path("symbols").forEach(s -> {
                    bySymbol.put(s.asText().toUpperCase(Locale.ROOT), e.getKey());
                    symbols.add(s.asText());
                });
                e.getValue().path("words").forEach(w -> {
                    byWord.put(w.asText().toLowerCase(Locale.ROOT), e.getKey());
                    words.add(w.asText());
                });
            });
            root.path("scales").fields().forEachRemaining(e -> scales.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asDouble()));
            root.path("scales-other-languages").fields().forEachRemaining(e -> {
                scales.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asDouble());
                otherLanguageScales.add(e.getKey());
            });
            Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
            symbols.sort(longestFirst);
            words.sort(longestFirst);
            StringBuilder firsts = new StringBuilder();
            for (String s : symbols) {
                char c = s.charAt(0);
                if (firsts.indexOf(String.valueOf(c)) < 0) {
                    firsts.append(c);
                }
            }
            symbolFirsts = firsts.toString();
        }

        static Table load() {
            try (InputStream in = Money.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath");
                }
                return new Table(new ObjectMapper(new YAMLFactory()).readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }

        String alternation(List<String> items) {
            StringBuilder sb = new StringBuilder();
            for (String s : items) {
                if (sb.length() > 0) {
                    sb.append('|');
                }
                sb.append(Pattern.quote(s));
            }
            return sb.toString();
        }

        String scaleAlternation() {
            List<String> sc = new ArrayList<>(scales.keySet());
            sc.sort(Comparator.comparingInt(String::length).reversed());
            List<String> quoted = new ArrayList<>();
            sc.forEach(x -> quoted.add(Pattern.quote(x)));
            return String.join("|", quoted);
        }
    }

    private static final Table TABLE = Table.load();

    /** Whether {@code s} is one of the currency signs or codes of money.yaml ("USD", "INR", "$"). */
    static boolean currencySymbol(String s) {
        return TABLE.symbols.contains(s);
    }

    /** A currency sign glued to a scale letter after the figure, as French news writes it: "5 M€", "1,2 Md€". */
    private static final String GLUED_SIGN = "[€$£]";
    private static final String NUM_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred|hundreds of|a|half a";
    private static final String QUAL = "(?<qual>up to|as much as|as many as|more than|over|at least|in excess of|north of|upwards of|above|"
            + "about|around|roughly|nearly|almost|approximately|close to|some|an estimated|just under|just over|under|less than)\\s+";
    /** A sign or code right before the number ("$", "US$", "CHF", "Rs."), with a space or not ("CHF250m", "CHF 32 million"). */
    private static final String CUR = "(?<cur>" + TABLE.alternation(TABLE.symbols) + ")";
    /** "548,69 millones", "1,5 Milliarden": a decimal comma, read as such only before another language's scale word. */
    private static final String DECIMAL_COMMA = "\\d+,\\d{1,2}(?=\\s*(?i:" + TABLE.alternation(TABLE.otherLanguageScales) + ")\\b|\\s?(?:M|Mds?)" + GLUED_SIGN + ")";
    /** "1.200 millones", "10.650 Millionen": dots between thousands, read as such only before another language's scale word. */
    private static final String THOUSANDS_DOT = "\\d{1,3}(?:\\.\\d{3})+(?=\\s*(?i:" + TABLE.alternation(TABLE.otherLanguageScales.stream()
            .filter(w -> !w.equalsIgnoreCase("million")).toList()) + ")\\b)";
    private static final String NUM = "(?<num>" + DECIMAL_COMMA + "|" + THOUSANDS_DOT + "|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:,\\d{2})+,\\d{3}(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|" + NUM_WORDS + ")";
    private static final String SCALE = "(?<scale>" + TABLE.scaleAlternation() + ")";
    private static final String RANGE_TAIL = "(?:\\s*(?:-|–|to|and)\\s*(?:" + CUR.replace("<cur>", "<cur3>") + ")?\\s*(?<num2>\\d+(?:\\.\\d+)?)\\s*(?<scale2>" + TABLE.scaleAlternation() + ")?\\b)?";
    private static final String CUR_AFTER = "(?:\\s+(?<cur2>" + TABLE.alternation(TABLE.words) + ")\\b|(?<=[MmKkds])(?<cur4>" + GLUED_SIGN + "))?";

    private static final Pattern QUAL_BEFORE = Pattern.compile("(?i)\\b(?:" + QUAL + ")(?:between\\s+)?$");
    private static final Starts QUAL_BEFORE_AT = Starts.ignoringCase(QUAL_BEFORE, "up to", "as much as", "as many as", "more than", "over",
            "at least", "in excess of", "north of", "upwards of", "above", "about", "around", "roughly", "nearly", "almost",
            "approximately", "close to", "some", "an estimated", "just under", "just over", "under", "less than").atWordStarts();
    /** Applied with lookingAt() at candidate positions only: a currency sign or code, a digit, or a number word. */
    private static final Pattern MONEY = Pattern.compile(
            "(?i)" + CUR + "?\\s?" + NUM + "(?<plus1>\\+)?(?:-(?=[a-zA-Z])|\\s*)" + SCALE + "?\\b(?<plus>\\+|-plus|\\s*plus\\b)?"
                    + RANGE_TAIL + CUR_AFTER);

    private static final Pattern OWNER_BEFORE = Pattern.compile("(?i)\\b(?:its|their|his|her|our)\\s+(?:own\\s+)?$");
    private static final Pattern CASH_AFTER = Pattern.compile(
            "(?i)\\s*(?:(?:of|in)\\s+cash\\b|cash\\s+(?:pile|hoard|reserves?|position|balance)\\b|war\\s+chest\\b|(?:in\\s+)?reserves\\b)");

    /** "($16 million)", "(about $16 million)", ", or about $16 million" right after a foreign amount. */
    private static final Pattern USD_CONVERSION = Pattern.compile(
            "(?i)^\\s*(?:\\(|,\\s*or\\s+|,\\s*)(?:about\\s+|roughly\\s+|around\\s+|approximately\\s+|nearly\\s+|some\\s+)?(?:US\\$|\\$|USD\\s?)(\\d+(?:\\.\\d+)?)\\s*(trillion|billion|million|bn|b|mn|m)?\\b");

    /** A bracket right after a dollar figure that gives it in another currency: "$2 billion (€1.7bn)". */
    private static final Pattern CONVERSION_BACK = Pattern.compile(
            "(?i)\\s*\\((?:about |around |roughly |approximately |nearly |some |or )?(?:" + TABLE.alternation(TABLE.symbols)
                    + ")\\s?[\\d.,]+\\s*[\\p{L}.]*\\)");

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
     * Most sentences hold no money; a scan for a currency sign, a code or a currency word skips the regex. {@code l}:
     * the sentence lower-cased per character ({@link RuleBasedExtractor#lower}).
     */
    static boolean mayHoldMoney(String s, String l) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (TABLE.symbolFirsts.indexOf(c) >= 0 && symbolAt(s, i) != null) {
                return true;
            }
        }
        return hasCurrencyWord(l);
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
            String glued = scale == null ? null : m.group("cur4");
            String num = m.group("num");
            if (num == null || (cur == null && cur2 == null && glued == null)) {
                // no money, so nothing to skip: "2024 to $3 billion" holds "$3 billion"
                pos = tried + 1;
                continue;
            }
            if (cur != null && Character.isLetter(cur.charAt(0)) && m.start() > 0 && Character.isLetter(s.charAt(m.start() - 1))) {
                pos = tried + 1;
                continue; // a code glued to a word before it is part of that word
            }
            if ("R".equals(cur) && (m.end("cur") != m.start("num") || scale == null && !num.contains(","))) {
                pos = tried + 1;
                continue; // the rand's bare "R" only as "R46m" or "R10,000": "R2" or "Series R 5" is no money
            }
            boolean wordNum = !Character.isDigit(num.charAt(0));
            if (num.toLowerCase(Locale.ROOT).startsWith("hundreds")) {
                continue; // "hundreds of millions": no figure
            }
            if (wordNum && cur2 == null && scale == null) {
                continue; // "$a" is not money
            }
            if (scale != null && scale.length() == 1 && cur == null && glued == null) {
                continue; // "5 m dollars" is too ambiguous; "5m" needs a currency sign
            }
            if (cur == null && "won".equalsIgnoreCase(cur2) && scale == null) {
                pos = tried + 1;
                continue; // "3 won" is a verb after a count; "250 billion won" is money
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
                pos = end; // "$25 million and $8.5 million, respectively": the second figure is one of its own
            }
            String currency = glued != null && cur == null && cur2 == null ? TABLE.bySymbol.get(glued) : currency(cur, cur2);
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
            if (OWNER_BEFORE.matcher(s).region(Math.max(0, m.start() - 12), m.start()).find()
                    && CASH_AFTER.matcher(s).region(end, s.length()).lookingAt()) {
                continue; // "investing some of its $1.5 billion of cash": what a company holds, not what it puts in
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
        for (String w : TABLE.byWord.keySet()) {
            if (l.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The currency symbol or code that begins at {@code i}, as a whole token (a code is no part of a longer word). */
    private static String symbolAt(String s, int i) {
        for (String sym : TABLE.symbols) {
            if (s.regionMatches(true, i, sym, 0, sym.length())) {
                if (Character.isLetter(sym.charAt(sym.length() - 1))) {
                    int after = i + sym.length();
                    if (after < s.length() && Character.isLetter(s.charAt(after)) || i > 0 && Character.isLetter(s.charAt(i - 1))) {
                        continue; // "RMB50M" yes, "CHFs" or "ARS" in "YEARS" no
                    }
                    if (!sym.equals(sym.toUpperCase(Locale.ROOT)) ? false : !s.startsWith(sym, i)) {
                        continue; // codes are written in capitals: "usd" in a word is not a code
                    }
                }
                return sym;
            }
        }
        return null;
    }

    /** Where a money expression may start: a currency sign or code, a number, or (with a currency word) a number word. */
    private static boolean candidate(String s, int i, boolean currencyWord) {
        char c = s.charAt(i);
        char prev = i > 0 ? s.charAt(i - 1) : ' ';
        if (Character.isDigit(c)) {
            return !Character.isLetterOrDigit(prev) && prev != '.' && prev != ',';
        }
        if (TABLE.symbolFirsts.indexOf(c) >= 0 && symbolAt(s, i) != null) {
            // a sign may follow a letter of its own code ("US$"); codes follow no letter
            return !Character.isLetterOrDigit(prev) || !Character.isLetter(c) && prev != '.' && prev != ',';
        }
        return currencyWord && Character.isLetter(c) && !Character.isLetterOrDigit(prev) && prev != '.' && numberWordAt(s, i);
    }

    private static boolean numberWordAt(String s, int i) {
        for (String w : WORDS.keySet()) {
            if (s.regionMatches(true, i, w, 0, w.length())) {
                return true;
            }
        }
        return s.regionMatches(true, i, "hundreds", 0, 8);
    }

    private static double parse(String num) {
        if (num.matches("\\d{1,3}(?:\\.\\d{3})+")) {
            return new BigDecimal(num.replace(".", "")).doubleValue(); // dots between thousands (THOUSANDS_DOT)
        }
        if (num.matches("\\d+,\\d{1,2}")) {
            return new BigDecimal(num.replace(',', '.')).doubleValue(); // a decimal comma (DECIMAL_COMMA)
        }
        return new BigDecimal(num.replace(",", "")).doubleValue();
    }

    private static double multiplier(String scale) {
        if (scale == null) {
            return 1;
        }
        return TABLE.scales.getOrDefault(scale.toLowerCase(Locale.ROOT), 1d);
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

    /** The currency of a figure: its sign or code, else the word after it; "¥" with "yuan" after it is yuan. */
    private static String currency(String sign, String word) {
        String fromWord = word == null ? null : TABLE.byWord.get(word.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (sign == null) {
            return fromWord == null ? "USD" : fromWord;
        }
        String fromSign = TABLE.bySymbol.getOrDefault(sign.trim().toUpperCase(Locale.ROOT), "USD");
        return fromWord != null && !"USD".equals(fromWord) ? fromWord : fromSign;
    }
}
