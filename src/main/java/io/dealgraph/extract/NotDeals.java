package io.dealgraph.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of {@code extract/rules/not-deals.yaml}: drafts that read like a deal where the text says there is none
 * (a denial, a loan, the newspaper that reported it, the investor's owner, an investor read as a raiser). Applied to
 * the merged drafts of a whole document, after both readers, so that one place decides what is no deal.
 */
final class NotDeals {

    static final String RESOURCE = "extract/rules/not-deals.yaml";

    private static final Pattern CLAUSE_BREAK = Pattern.compile("[;:]\\s|,\\s+(?:while|whereas|but|and)\\b|\\s[—–]\\s");

    /** Between an investor and a denial: a new sentence or clause with a subject of its own. */
    private static final Pattern ANOTHER_SUBJECT = Pattern.compile("[.;]\\s|\\b(?:and|but|while|whereas)\\s+\\p{Lu}");

    private static final boolean DEBUG = Boolean.getBoolean("dealgraph.debug.not-deals");

    enum Scope { AFTER_INVESTOR, NEAR_FIGURE, INVESTOR_NAME, FUND_INVESTEE }

    record Rule(String name, Scope scope, int within, Pattern cue, Pattern unless, Pattern before, Pattern after,
                boolean needsInvestorAfter, List<DealFrames.Example> examples) {
    }

    final List<Rule> rules;

    private NotDeals(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static NotDeals load() {
        try (InputStream in = NotDeals.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Rule> rules = new ArrayList<>();
            for (JsonNode r : root.path("rules")) {
                String name = r.path("name").asText();
                Scope scope = Scope.valueOf(r.path("scope").asText().toUpperCase(Locale.ROOT).replace('-', '_'));
                Rule rule = new Rule(name, scope, r.path("within").asInt(80), pattern(r, "cue"), pattern(r, "unless"),
                        pattern(r, "before"), pattern(r, "after"), r.path("needs-investor-after").asBoolean(false),
                        DealFrames.examples(r));
                boolean complete = switch (scope) {
                    case AFTER_INVESTOR, NEAR_FIGURE -> rule.cue() != null;
                    case INVESTOR_NAME -> rule.before() != null || rule.after() != null;
                    case FUND_INVESTEE -> true;
                };
                if (!complete) {
                    throw new IllegalStateException(RESOURCE + ": rule " + name + " lacks the pattern its scope reads");
                }
                rules.add(rule);
            }
            return new NotDeals(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Pattern pattern(JsonNode rule, String field) {
        return rule.hasNonNull(field)
                ? Pattern.compile(rule.get(field).asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE) : null;
    }

    /** The drafts of one document that no rule takes back. */
    List<Relations.Draft> keep(List<Relations.Draft> drafts, List<Sentences.Sentence> sentences, List<List<Money.Amount>> money) {
        Set<String> investors = new HashSet<>();
        Set<String> raisers = new HashSet<>(); // the companies a round of the document is for
        for (Relations.Draft d : drafts) {
            if (d.type() == FactType.INVESTS_IN && d.from() != null) {
                investors.add(d.from());
                if (d.roundInfo() != null && d.to() != null) {
                    raisers.add(d.to());
                }
            }
        }
        List<Relations.Draft> kept = new ArrayList<>(drafts.size());
        for (Relations.Draft d : drafts) {
            if (!(d.type() == FactType.INVESTS_IN || d.type() == FactType.COMMITS_SPEND_TO) || d.from() == null) {
                kept.add(d);
                continue;
            }
            String s = sentences.get(d.sentence()).text();
            List<Money.Amount> figures = d.sentence() < money.size() ? money.get(d.sentence()) : List.of();
            Rule taking = rules.stream().filter(r -> applies(r, d, s, figures, drafts, investors, raisers)).findFirst().orElse(null);
            if (taking == null) {
                kept.add(d);
            } else if (DEBUG) {
                System.err.println("not-deals: " + taking.name() + " takes back " + d.from() + " -> " + d.to() + " (" + d.amount() + ") in: " + s);
            }
        }
        return kept;
    }

    private static boolean applies(Rule r, Relations.Draft d, String s, List<Money.Amount> figures,
                                   List<Relations.Draft> all, Set<String> investors, Set<String> raisers) {
        return switch (r.scope()) {
            case AFTER_INVESTOR -> {
                int at = s.indexOf(d.from());
                if (at < 0) {
                    // the investor is referred to ("The company has not signed..."): the whole sentence is its clause
                    yield r.cue().matcher(s).find();
                }
                int from = at + d.from().length();
                String clause = s.substring(from, Math.min(s.length(), from + r.within()));
                Matcher m = r.cue().matcher(clause);
                // the denial belongs to this investor only when no other name stands between them
                yield m.find() && !ANOTHER_SUBJECT.matcher(clause.substring(0, m.start())).find();
            }
            case NEAR_FIGURE -> {
                if (r.unless() != null && r.unless().matcher(s).find()) {
                    yield false;
                }
                if (r.cue().pattern().startsWith("^")) {
                    yield r.cue().matcher(s).find(); // a cue anchored at the sentence's start is looked for there
                }
                Money.Amount figure = figureOf(d, figures);
                if (figure != null) {
                    yield r.cue().matcher(phrase(s, figure.start(), figure.end(), r.within(), figures, figure)).find();
                }
                // no figure of its own: the cue near the investor's name ("EIB lends", "debt from the EIB")
                for (int at = s.indexOf(d.from()); at >= 0; at = s.indexOf(d.from(), at + 1)) {
                    if (r.cue().matcher(phrase(s, at, at + d.from().length(), r.within(), List.of(), null)).find()) {
                        yield true;
                    }
                }
                yield false;
            }
            case INVESTOR_NAME -> {
                int at = s.indexOf(d.from());
                while (at >= 0) {
                    String before = s.substring(Math.max(0, at - 100), at);
                    String after = s.substring(at + d.from().length(), Math.min(s.length(), at + d.from().length() + 60));
                    boolean hit = r.before() != null && r.before().matcher(before).find()
                            || r.after() != null && r.after().matcher(after).find()
                               && (!r.needsInvestorAfter() || anotherInvestorAfter(d, after, all));
                    if (hit) {
                        yield true;
                    }
                    at = s.indexOf(d.from(), at + 1);
                }
                yield false;
            }
            case FUND_INVESTEE -> d.type() == FactType.INVESTS_IN && d.to() != null && investors.contains(d.to())
                    && ("Fund".equals(Mentions.typeOfName(d.to(), null))
                        || raisers.contains(d.from()) && !raisers.contains(d.to()));
        };
    }

    /**
     * The words around {@code [start, end)}: up to {@code within} characters either side, not past another figure nor
     * into a clause of its own ("$900 million in X, while X also seeks a $2.3 billion loan").
     */
    private static String phrase(String s, int start, int end, int within, List<Money.Amount> figures, Money.Amount own) {
        int a = Math.max(0, start - within);
        int b = Math.min(s.length(), end + within);
        for (Money.Amount other : figures) {
            if (other == own) {
                continue;
            }
            if (other.end() <= start) {
                a = Math.max(a, other.end());
            } else if (other.start() >= end) {
                b = Math.min(b, other.start());
            }
        }
        int base = a;
        Matcher left = CLAUSE_BREAK.matcher(s.substring(base, start));
        while (left.find()) {
            a = base + left.end();
        }
        Matcher right = CLAUSE_BREAK.matcher(s.substring(end, b));
        if (right.find()) {
            b = end + right.start();
        }
        return s.substring(a, b);
    }

    /** "Jane Roe's Harbor Capital": the name after the possessive is itself an investor of the same deal. */
    private static boolean anotherInvestorAfter(Relations.Draft d, String after, List<Relations.Draft> all) {
        for (Relations.Draft o : all) {
            if (o != d && o.sentence() == d.sentence() && o.from() != null && !o.from().equals(d.from())
                    && java.util.Objects.equals(o.to(), d.to())) {
                int at = after.indexOf(o.from());
                if (at >= 0 && at <= 4) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Money.Amount figureOf(Relations.Draft d, List<Money.Amount> figures) {
        if (d.amount() == null) {
            return null;
        }
        for (Money.Amount m : figures) {
            if (m.amount() == d.amount()) {
                return m;
            }
        }
        return null;
    }
}
