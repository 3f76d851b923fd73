package io.dealgraph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the drafts of the two readers, sentence by sentence. The grammar reader decides who invests in whom where
 * it read the sentence: a context-rule investment in a sentence where the grammar found other parties is dropped
 * (measured on real articles: those are mostly a list member taken for the raiser, or a company in a side clause).
 * The context rules decide what a figure is: where both readers give the same parties in one sentence, the figure,
 * its qualifier, running-total and tranche readings come from the context rules, the round from the grammar.
 * Spend commitments and chip and cloud facts come from the context rules alone. Last, an investment with a spend
 * commitment's parties and figure is that commitment, loosely worded.
 */
final class DraftMerge {

    private DraftMerge() {
    }

    static List<Relations.Draft> merge(List<Relations.Draft> grammar, List<Relations.Draft> context) {
        Map<Integer, List<Relations.Draft>> grammarBySentence = new HashMap<>();
        for (Relations.Draft d : grammar) {
            grammarBySentence.computeIfAbsent(d.sentence(), k -> new ArrayList<>()).add(d);
        }
        // the context drafts by sentence, in their order: a grammar draft looks only at its own sentence's, where
        // looking through all of them for each made a document of many figures quadratic
        Map<Integer, List<Relations.Draft>> contextBySentence = new HashMap<>();
        for (Relations.Draft c : context) {
            contextBySentence.computeIfAbsent(c.sentence(), k -> new ArrayList<>()).add(c);
        }
        Set<String> usedContext = new HashSet<>();
        List<Relations.Draft> out = new ArrayList<>();
        for (Relations.Draft g : grammar) {
            Relations.Draft figure = null;
            for (Relations.Draft c : contextBySentence.getOrDefault(g.sentence(), List.of())) {
                if (c.type() == g.type() && c.sentence() == g.sentence() && c.from() != null && c.from().equals(g.from())
                        && c.to() != null && c.to().equals(g.to())) {
                    usedContext.add(key(c));
                    if (figure == null || figure.amount() == null && c.amount() != null) {
                        figure = c;
                    }
                }
            }
            out.add(figure == null || figure.amount() == null && g.amount() != null ? g : withFigure(g, figure));
        }
        for (Relations.Draft c : context) {
            if (usedContext.contains(key(c))) {
                // a second reading of the same parties (a total beside the deal, a tranche): keep it when it says more
                if (c.cumulative() || c.trancheOf() != null) {
                    out.add(c);
                }
                continue;
            }
            boolean deal = c.type() == FactType.INVESTS_IN;
            List<Relations.Draft> here = grammarBySentence.getOrDefault(c.sentence(), List.of());
            if (!deal || here.isEmpty()) {
                out.add(c);
            }
        }
        return withoutSpendReadAsInvestment(out);
    }

    /**
     * "OpenAI Invests $11.9B in CoreWeave" over a body that tells of "a five-year, $11.9 billion deal with CoreWeave":
     * the same parties and the same figure cannot be both money put into a company and money promised for its
     * services; the spend frame read the specific words, the headline the loose one.
     */
    private static List<Relations.Draft> withoutSpendReadAsInvestment(List<Relations.Draft> drafts) {
        Set<String> spend = new HashSet<>();
        for (Relations.Draft d : drafts) {
            if (d.type() == FactType.COMMITS_SPEND_TO && d.amount() != null) {
                spend.add(d.from() + "|" + d.to() + "|" + d.amount());
            }
        }
        if (spend.isEmpty()) {
            return drafts;
        }
        List<Relations.Draft> out = new ArrayList<>(drafts.size());
        for (Relations.Draft d : drafts) {
            if (d.type() != FactType.INVESTS_IN || d.amount() == null || !spend.contains(d.from() + "|" + d.to() + "|" + d.amount())) {
                out.add(d);
            }
        }
        return out;
    }

    private static String key(Relations.Draft d) {
        return d.type() + "|" + d.from() + "|" + d.to() + "|" + d.sentence() + "|" + d.amount() + "|" + d.cumulative();
    }

    private static Relations.Draft withFigure(Relations.Draft g, Relations.Draft c) {
        // the context rules' figure for a round's investor is its share ("led the round with $800 million"), unless it is
        // the round's own size, which means the investor put up the whole round alone
        Fact.Round round = g.roundInfo();
        if (round != null && c.amount() != null && (c.amount().equals(round.amount()) || c.usd() != null && c.usd().equals(round.usd()))) {
            round = null;
        }
        return new Relations.Draft(g.type(), g.from(), g.to(), c.amount(), c.currency(), c.usd(), c.qualifier(), c.cumulative(),
                c.trancheOf(), c.date() != null ? c.date() : g.date(), c.years() != null ? c.years() : g.years(),
                c.status() != null ? c.status() : g.status(), g.sentence(), round != null, round);
    }
}
