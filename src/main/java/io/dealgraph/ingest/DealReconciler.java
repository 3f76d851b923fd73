package io.dealgraph.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which real-world deal each new claim is about. Pure: it sees the deals one pair (investor, investee,
 * type) already has, with the claims behind them, and returns where each new claim goes and what every touched
 * deal now says. Claims are taken in order, each against the deals as they stand after the previous ones, so the
 * outcome of a batch is the outcome of ingesting its documents one by one.
 *
 * <p>A claim joins a deal when their dates can be the same event (one contains the other, or they are at most
 * {@value #DAYS_APART} days apart) and their figures can be the same money (within 10 %, or one is "up to" a
 * ceiling the other stays under, or "at least" a floor the other reaches, or either has none). Where several deals
 * fit, the closest wins: equal figure, then equal date, then a deal as undated as the claim. A claim that says it is
 * a tranche of a larger figure becomes its own deal under that larger deal.
 */
final class DealReconciler {

    static final int DAYS_APART = 10;

    /**
     * What one claim states about a deal, as far as matching and summarising need it, and when its source was
     * published (YYYY-MM-DD; null when unknown, which counts as before everything).
     */
    record ClaimFigures(Long amount, String currency, Long amountUsd, String qualifier, String date, String status,
                        Integer years, Long trancheOfUsd, String published) {

        ClaimFigures(Long amount, String currency, Long amountUsd, String qualifier, String date, String status,
                     Integer years, Long trancheOfUsd) {
            this(amount, currency, amountUsd, qualifier, date, status, years, trancheOfUsd, null);
        }
    }

    /** What a deal's sources had said by {@code since}, the day a source changed that reading (or first reported it). */
    record Reading(String since, DealSummary summary) {
    }

    /** A deal of the pair: its id, the deal it is a tranche of (or null), and the figures of its claims. */
    record PairDeal(String id, String parent, List<ClaimFigures> claims) {
        PairDeal {
            claims = List.copyOf(claims);
        }
    }

    /**
     * The deal a deal's claims agree on. {@code disputed}: its sources give figures or dates that cannot be the same
     * (not within 10 %, not inside an "up to" or above an "at least"; dates further apart than an event allows);
     * {@code alternatives}: the other readings, as captions, most sources first.
     */
    record DealSummary(String id, String parent, Long amount, String currency, Long amountUsd, String qualifier,
                       String date, String status, Integer years, String label, boolean disputed, List<String> alternatives) {

        DealSummary(String id, String parent, Long amount, String currency, Long amountUsd, String qualifier,
                    String date, String status, Integer years, String label) {
            this(id, parent, amount, currency, amountUsd, qualifier, date, status, years, label, false, List.of());
        }

        /** The same summary under the names the deal and its parent are given once the batch is placed (DealIds). */
        DealSummary named(String id, String parent) {
            return new DealSummary(id, parent, amount, currency, amountUsd, qualifier, date, status, years, label, disputed, alternatives);
        }
    }

    /**
     * Where each new claim went (same order as given), the summary of every deal that changed or was made, and each
     * such deal's readings over time (by deal id, oldest first).
     */
    record Outcome(List<String> dealOfClaim, List<DealSummary> touched, Map<String, List<Reading>> history) {
    }

    private final java.util.function.IntFunction<String> newId;

    /**
     * @param newId the id of a deal first reported by the incoming claim at this index (must be deterministic, and
     *              distinct from the ids of the pair's deals); the writer may rename deals afterwards (DealIds)
     */
    DealReconciler(java.util.function.IntFunction<String> newId) {
        this.newId = newId;
    }

    Outcome reconcile(List<PairDeal> existing, List<ClaimFigures> incoming) {
        Map<String, Working> deals = new LinkedHashMap<>();
        existing.stream().sorted(Comparator.comparing(PairDeal::id))
                .forEach(d -> deals.put(d.id(), new Working(d.id(), d.parent(), new ArrayList<>(d.claims()))));
        Map<String, Working> touched = new LinkedHashMap<>();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < incoming.size(); i++) {
            ClaimFigures claim = incoming.get(i);
            // a tranche hangs under the deal it is part of; one whose larger figure matches no deal of the pair (a
            // table's running-total column read as "part of") is reconciled like any other claim
            boolean tranche = claim.trancheOfUsd() != null && (sameTranche(deals.values(), claim) != null
                    || parentFor(deals.values(), claim) != null);
            Working target = tranche ? sameTranche(deals.values(), claim) : best(deals.values(), claim);
            if (target == null) {
                String parent = tranche ? parentFor(deals.values(), claim) : null;
                target = new Working(newId.apply(i), parent, new ArrayList<>());
                deals.put(target.id, target);
            }
            target.claims.add(claim);
            touched.put(target.id, target);
            placed.add(target.id);
        }
        Map<String, List<Reading>> history = new LinkedHashMap<>();
        touched.values().forEach(w -> history.put(w.id, history(w.id, w.parent, w.claims)));
        return new Outcome(placed, touched.values().stream().map(Working::summary).toList(), history);
    }

    private static final Comparator<ClaimFigures> BY_PUBLISHED =
            Comparator.comparing(ClaimFigures::published, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * The deal as its sources told it over time: for every day a source about it was published, the summary of the
     * claims published up to that day, kept when it differs from the day before. The first reading's day is when the
     * deal was first reported; the last reading is the deal as it stands. Answers "as of" a day take the last reading
     * from no later than that day. Claims keep the order in which they were added within one day, so the last
     * reading equals {@link #summarise} over all claims.
     */
    static List<Reading> history(String id, String parent, List<ClaimFigures> claims) {
        List<ClaimFigures> ordered = new ArrayList<>(claims);
        ordered.sort(BY_PUBLISHED); // stable: same-day claims keep their order
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            String day = ordered.get(i).published();
            if (i + 1 < ordered.size() && Objects.equals(ordered.get(i + 1).published(), day)) {
                continue; // summarise once per day, with all of that day's claims
            }
            DealSummary s = summarise(id, parent, ordered.subList(0, i + 1));
            if (readings.isEmpty() || !readings.get(readings.size() - 1).summary().equals(s)) {
                readings.add(new Reading(day, s));
            }
        }
        return readings;
    }

    private static Working best(Iterable<Working> deals, ClaimFigures claim) {
        Working best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Working d : deals) {
            if (d.parent != null) {
                continue; // tranches are matched only by claims that say they are tranches
            }
            DealSummary s = d.summary();
            if (!datesFit(claim.date(), s.date()) || !figuresFit(claim, s)) {
                continue;
            }
            int score = 0;
            if (claim.amountUsd() != null && s.amountUsd() != null && close(claim.amountUsd(), s.amountUsd())) {
                score += 8;
            }
            if (Objects.equals(claim.qualifier(), s.qualifier())) {
                score += 1;
            }
            if (claim.date() != null && claim.date().equals(s.date())) {
                score += 4;
            }
            if ((claim.date() == null) == (s.date() == null)) {
                score += 2;
            }
            // ties: the later deal (an undated "another $4 billion" is more likely the newest), then the id
            if (score > bestScore || score == bestScore && best != null && later(s, best.summary())) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    private static boolean later(DealSummary a, DealSummary b) {
        String da = a.date() == null ? "" : a.date();
        String db = b.date() == null ? "" : b.date();
        return da.compareTo(db) > 0;
    }

    private static Working sameTranche(Iterable<Working> deals, ClaimFigures claim) {
        for (Working d : deals) {
            DealSummary s = d.summary();
            if (d.parent != null && datesFit(claim.date(), s.date()) && claim.amountUsd() != null && s.amountUsd() != null
                    && close(claim.amountUsd(), s.amountUsd())) {
                return d;
            }
        }
        return null;
    }

    /** The pair's deal whose figure is the one the tranche is part of, dated no later than the tranche. */
    private static String parentFor(Iterable<Working> deals, ClaimFigures tranche) {
        String found = null;
        for (Working d : deals) {
            DealSummary s = d.summary();
            if (d.parent == null && s.amountUsd() != null && close(s.amountUsd(), tranche.trancheOfUsd())
                    && (s.date() == null || tranche.date() == null || start(s.date()).compareTo(end(tranche.date())) <= 0)) {
                found = d.id;
            }
        }
        return found;
    }

    static boolean datesFit(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        LocalDate aStart = start(a);
        LocalDate aEnd = end(a);
        LocalDate bStart = start(b);
        LocalDate bEnd = end(b);
        long gap = aEnd.isBefore(bStart) ? ChronoUnit.DAYS.between(aEnd, bStart)
                : bEnd.isBefore(aStart) ? ChronoUnit.DAYS.between(bEnd, aStart) : 0;
        // A month and a year contain their days; two days may be the announcement and a later report of it.
        return gap <= DAYS_APART;
    }

    static boolean figuresFit(ClaimFigures claim, DealSummary deal) {
        Long a = claim.amountUsd();
        if (a == null || deal.amountUsd() == null) {
            // no dollar figure: compare the stated figures when both are in the same currency
            if (claim.amount() != null && deal.amount() != null && Objects.equals(claim.currency(), deal.currency())) {
                return fits(claim.amount(), claim.qualifier(), deal.amount(), deal.qualifier());
            }
            return true;
        }
        return fits(a, claim.qualifier(), deal.amountUsd(), deal.qualifier());
    }

    private static boolean fits(long a, String qa, long b, String qb) {
        if (close(a, b)) {
            return true;
        }
        if ("up_to".equals(qa) && b <= a || "up_to".equals(qb) && a <= b) {
            return true;
        }
        return "at_least".equals(qa) && b >= a || "at_least".equals(qb) && a >= b;
    }

    static boolean close(long a, long b) {
        return Math.abs(a - b) <= 0.1 * Math.max(Math.abs(a), Math.abs(b));
    }

    static LocalDate start(String date) {
        return switch (date.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(date), 1, 1);
            case 7 -> YearMonth.parse(date).atDay(1);
            default -> LocalDate.parse(date);
        };
    }

    static LocalDate end(String date) {
        return switch (date.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(date), 12, 31);
            case 7 -> YearMonth.parse(date).atEndOfMonth();
            default -> LocalDate.parse(date);
        };
    }

    private static final class Working {
        final String id;
        final String parent;
        final List<ClaimFigures> claims;

        Working(String id, String parent, List<ClaimFigures> claims) {
            this.id = id;
            this.parent = parent;
            this.claims = claims;
        }

        DealSummary summary() {
            return summarise(id, parent, claims);
        }
    }

    private static final List<String> QUALIFIER_TRUST = List.of("exact", "about", "at_least", "up_to", "unknown");
    private static final List<String> STATUS_RANK = List.of("completed", "announced", "planned", "reported");

    /**
     * What the claims agree on. Figure: the one most sources give (a plain figure over an "up to" when as many say
     * each; the earliest published source breaks a remaining tie). Date: the most precise any source gives. Status: the most
     * advanced any source reports. Conflicting figures stay on the claims; the deal shows the consensus.
     */
    static DealSummary summarise(String id, String parent, List<ClaimFigures> given) {
        List<ClaimFigures> claims = new ArrayList<>(given);
        claims.sort(BY_PUBLISHED);
        Map<String, Integer> votes = new HashMap<>();
        Map<String, ClaimFigures> firstOf = new LinkedHashMap<>();
        for (ClaimFigures c : claims) {
            if (c.amount() == null && c.amountUsd() == null) {
                continue;
            }
            String k = c.amountUsd() + "|" + c.amount() + "|" + c.currency() + "|" + c.qualifier();
            votes.merge(k, 1, Integer::sum);
            firstOf.putIfAbsent(k, c);
        }
        ClaimFigures figure = null;
        String figureKey = null;
        for (Map.Entry<String, ClaimFigures> e : firstOf.entrySet()) {
            if (figure == null || votes.get(e.getKey()) > votes.get(figureKey)
                    || votes.get(e.getKey()).equals(votes.get(figureKey)) && trust(e.getValue().qualifier()) < trust(figure.qualifier())) {
                figure = e.getValue();
                figureKey = e.getKey();
            }
        }
        String date = null;
        String status = null;
        Integer years = null;
        for (ClaimFigures c : claims) {
            if (c.date() != null && (date == null || c.date().length() > date.length())) {
                date = c.date();
            }
            if (c.status() != null && (status == null || rank(c.status()) < rank(status))) {
                status = c.status();
            }
            if (years == null && c.years() != null) {
                years = c.years();
            }
        }
        Long amount = figure == null ? null : figure.amount();
        String currency = figure == null ? null : figure.currency();
        Long usd = figure == null ? null : figure.amountUsd();
        String qualifier = figure == null ? "unknown" : figure.qualifier();
        // what the other sources say, when it cannot be the same figure or the same date
        List<String> alternatives = new ArrayList<>();
        boolean disputed = false;
        List<Map.Entry<String, ClaimFigures>> readings = new ArrayList<>(firstOf.entrySet());
        readings.sort((x, y) -> Integer.compare(votes.get(y.getKey()), votes.get(x.getKey())));
        DealSummary chosen = new DealSummary(id, parent, amount, currency, usd, qualifier, date, status, years, null);
        for (Map.Entry<String, ClaimFigures> e : readings) {
            ClaimFigures c = e.getValue();
            if (e.getKey().equals(figureKey)) {
                continue;
            }
            if (!close(c, chosen)) {
                String caption = label(c.amount(), c.currency(), c.amountUsd(), c.qualifier(), null).strip();
                int n = votes.get(e.getKey());
                alternatives.add(caption + (n > 1 ? " (" + n + " sources)" : ""));
                disputed = true;
            }
        }
        for (ClaimFigures c : claims) {
            if (c.date() != null && date != null && !datesFit(c.date(), date)) {
                disputed = true;
                String caption = "dated " + c.date();
                if (!alternatives.contains(caption)) {
                    alternatives.add(caption);
                }
            }
        }
        return new DealSummary(id, parent, amount, currency, usd, qualifier, date, status, years,
                label(amount, currency, usd, qualifier, date), disputed, List.copyOf(alternatives));
    }

    /** Two readings of one figure ("$4 billion", "up to $4 billion", "about $4.1 billion"): within 10 %. */
    private static boolean close(ClaimFigures c, DealSummary d) {
        if (c.amountUsd() != null && d.amountUsd() != null) {
            return close(c.amountUsd(), d.amountUsd());
        }
        if (c.amount() != null && d.amount() != null && java.util.Objects.equals(c.currency(), d.currency())) {
            return close(c.amount(), d.amount());
        }
        return true; // one in dollars, one not: nothing says they differ
    }

    private static int trust(String qualifier) {
        int i = QUALIFIER_TRUST.indexOf(qualifier);
        return i < 0 ? QUALIFIER_TRUST.size() : i;
    }

    private static int rank(String status) {
        int i = STATUS_RANK.indexOf(status);
        return i < 0 ? STATUS_RANK.size() : i;
    }

    /** A caption for Browser: "up to $4B 2023-09", "€15M 2024-06", "undisclosed". */
    static String label(Long amount, String currency, Long usd, String qualifier, String date) {
        String figure;
        if (usd != null) {
            figure = "$" + compact(usd);
        } else if (amount != null) {
            figure = (currency == null ? "" : currency + " ") + compact(amount);
        } else {
            figure = "undisclosed";
        }
        String prefix = switch (qualifier == null ? "" : qualifier) {
            case "up_to" -> "up to ";
            case "at_least" -> "at least ";
            case "about" -> "about ";
            default -> "";
        };
        return prefix + figure + (date == null ? "" : " " + date);
    }

    static String compact(long v) {
        String[] units = {"", "K", "M", "B", "T"};
        double x = v;
        int u = 0;
        while (Math.abs(x) >= 1000 && u < units.length - 1) {
            x /= 1000;
            u++;
        }
        String s = x == Math.rint(x) ? String.valueOf((long) x) : String.format(java.util.Locale.ROOT, "%.2f", x).replaceAll("0+$", "");
        return s + units[u];
    }
}
