package io.dealgraph.extract;

import io.dealgraph.graph.CompanyNames;
import io.dealgraph.graph.Keys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Last stage: types and canonical names, evidence offsets, clean-up. A cloud named as an investor is its owner;
 * an "investment" into a cloud is a spend commitment; a figure-less fact is dropped when the same parties have one
 * with a figure (it says nothing more); exact repeats are dropped.
 */
final class FactResolver {

    private final Knowledge knowledge;
    private final Set<String> places;

    FactResolver(Knowledge knowledge) {
        this(knowledge, Set.of());
    }

    /** {@code places}: names that are never a party (lexicon.yaml), whichever reader made the fact. */
    FactResolver(Knowledge knowledge, Set<String> places) {
        this.knowledge = knowledge;
        this.places = Lexicon.placeKeys(places);
    }

    List<Fact> resolve(Document doc, List<Sentences.Sentence> sentences, List<Relations.Draft> drafts, Map<String, String> partyTypes) {
        List<Fact> facts = new ArrayList<>();
        Set<String> roundKeys = new HashSet<>();
        Map<String, String> sameCompany = sameCompanyNames(drafts, partyTypes);
        for (Relations.Draft d : drafts) {
            FactType type = d.type();
            String from = sameCompany.getOrDefault(d.from(), d.from());
            String to = sameCompany.getOrDefault(d.to(), d.to());
            if (type == FactType.INVESTS_IN && "Cloud".equals(typeOf(from)) && knowledge.ownerOf(from) != null) {
                from = knowledge.ownerOf(from);
            }
            if (type == FactType.INVESTS_IN && "Cloud".equals(typeOf(to))) {
                type = FactType.COMMITS_SPEND_TO;
            }
            if (type == FactType.COMMITS_SPEND_TO && "Cloud".equals(typeOf(from))) {
                continue;
            }
            if (from == null || to == null || from.equals(to) || from.equals(knowledge.ownerOf(to)) && type != FactType.MAKES_CHIP
                    && type != FactType.OPERATES) {
                continue;
            }
            if (isPlace(from) || isPlace(to)) {
                continue; // "investors in Silicon Valley": a place is no party
            }
            String toType = typeOf(to, partyTypes);
            if ((type == FactType.INVESTS_IN || type == FactType.COMMITS_SPEND_TO) && "Person".equals(toType)) {
                if (!d.round()) {
                    continue; // money goes into a company, not a person: "Nvidia backs Musk" is about his company
                }
                toType = "Company"; // who raises a round is a company, whatever the model made of its name ("Moore Threads")
            }
            Sentences.Sentence s = sentences.get(d.sentence());
            String status = d.status();
            if (type == FactType.COMMITS_SPEND_TO && "completed".equals(status)) {
                status = "announced";
            }
            if (d.round() && d.amount() == null) {
                roundKeys.add(d.type() + "|" + from + "|" + to + "|" + d.date());
            }
            // the quote without the bullets, table bars and emphasis marks around it; offsets stay those of the quote
            int[] span = Evidence.trim(s.text());
            facts.add(new Fact(doc.id(), type, from, typeOf(from, partyTypes), to, toType, d.amount(), d.currency(), d.usd(),
                    d.qualifier(), d.cumulative(), d.trancheOf(), d.date(), d.years(), status, s.text().substring(span[0], span[1]),
                    s.start() + span[0], s.start() + span[1], d.roundInfo()));
        }
        // "The $8 billion investment does not give Amazon board control": a figure the document gives elsewhere as the
        // pair's running total is that total again, not another deal
        Map<String, Set<Long>> totals = new HashMap<>();
        for (Fact f : facts) {
            if (f.cumulative() && f.amountUsd() != null) {
                totals.computeIfAbsent(f.partiesKey(), k -> new HashSet<>()).add(f.amountUsd());
            }
        }
        for (int k = 0; k < facts.size(); k++) {
            Fact f = facts.get(k);
            if (!f.cumulative() && f.amountUsd() != null && f.trancheOfUsd() == null && f.round() == null
                    && totals.getOrDefault(f.partiesKey(), Set.of()).contains(f.amountUsd())) {
                facts.set(k, new Fact(f.doc(), f.type(), f.from(), f.fromType(), f.to(), f.toType(), f.amount(), f.currency(),
                        f.amountUsd(), f.qualifier(), true, null, f.date(), f.years(), f.status(), f.evidence(), f.start(), f.end(), null));
            }
        }
        // each fact's keys, built once
        List<String> pairs = new ArrayList<>(facts.size());
        Set<String> withAmount = new HashSet<>();
        for (Fact f : facts) {
            String pair = f.partiesKey();
            pairs.add(pair);
            if (f.amount() != null) {
                withAmount.add(pair);
            }
        }
        Map<String, Fact> kept = new LinkedHashMap<>();
        for (int k = 0; k < facts.size(); k++) {
            Fact f = facts.get(k);
            String pair = pairs.get(k);
            if (f.amount() == null && withAmount.contains(pair) && !roundKeys.contains(pair + "|" + f.date())) {
                continue;
            }
            String key = pair + "|" + f.amount() + "|" + f.cumulative() + "|" + f.date() + (f.amount() == null ? roundSize(f) : "");
            Fact prev = kept.get(key);
            if (prev == null) {
                kept.put(key, f);
            } else if (prev.years() == null && f.years() != null || prev.trancheOfUsd() == null && f.trancheOfUsd() != null) {
                kept.put(key, f);
            }
        }
        // figure-less facts of the same parties: keep one
        Map<String, Fact> out = new LinkedHashMap<>();
        for (Map.Entry<String, Fact> e : kept.entrySet()) {
            Fact f = e.getValue();
            // a kept fact's own key is the one it is kept under
            // (rounds of different sizes are different deals: an investor back in a company's next round)
            String key = f.amount() == null ? f.partiesKey() + "|null" + roundSize(f) : e.getKey();
            Fact prev = out.get(key);
            if (prev == null || prev.years() == null && f.years() != null) {
                out.put(key, f);
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * One name for each company the document names in several forms that graph/CompanyNames joins ("Nebius Group
     * N.V." then "Nebius"): the knowledge file's name if one of them is it, else the fullest, as the graph names the
     * node. Their facts are then one pair, and a deal told in both forms is one fact. People keep their names.
     */
    private Map<String, String> sameCompanyNames(List<Relations.Draft> drafts, Map<String, String> partyTypes) {
        Map<String, List<String>> byBase = new HashMap<>();
        for (Relations.Draft d : drafts) {
            for (String name : new String[] {d.from(), d.to()}) {
                if (name != null && "Company".equals(typeOf(name, partyTypes))) {
                    List<String> forms = byBase.computeIfAbsent(Keys.entity(CompanyNames.base(name)), k -> new ArrayList<>());
                    if (!forms.contains(name)) {
                        forms.add(name);
                    }
                }
            }
        }
        Map<String, String> renamed = new HashMap<>();
        for (List<String> forms : byBase.values()) {
            if (forms.size() < 2) {
                continue;
            }
            String chosen = forms.stream().filter(n -> knowledge.entity(n) != null).findFirst()
                    .orElseGet(() -> forms.stream().reduce((a, b) -> CompanyNames.fuller(a, b) ? a : b).orElseThrow());
            forms.forEach(n -> renamed.put(n, chosen));
        }
        return renamed;
    }

    private static String roundSize(Fact f) {
        Fact.Round r = f.round();
        return r == null || r.amount() == null ? "" : "|" + r.amount() + r.currency();
    }

    private boolean isPlace(String name) {
        return knowledge.entity(name) == null && places.contains(Lexicon.placeKey(name));
    }

    String typeOf(String name) {
        return typeOf(name, Map.of());
    }

    String typeOf(String name, Map<String, String> partyTypes) {
        Knowledge.Entity e = knowledge.entity(name);
        return e != null ? e.type() : partyTypes.getOrDefault(name, "Company");
    }
}
