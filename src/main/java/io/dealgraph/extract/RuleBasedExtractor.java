package io.dealgraph.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The extraction pipeline: sentences, names, figures and dates found by rules; the statistical language layer
 * (tokens, part-of-speech tags, named entities, dependency parses) on the sentences that can hold a deal; then two
 * readers of deals, the context rules around figures and names ({@link Relations}) and the deal frames over the
 * parse ({@link Grammar}), whose drafts {@link FactResolver} turns into facts. Immutable and stateless between calls,
 * hence thread-safe; obtain it through {@link Extractors}.
 */
public final class RuleBasedExtractor implements Extractor {

    /**
     * The parts that can be switched off, for measuring what each brings and costs (docs/language-layer.md).
     * DEAL_WORD_PARSING: the parser reads the sentences with a strong deal word besides those with a figure; without
     * it, only those with a figure (faster, fewer rounds found).
     */
    public enum Part { NER, PARSER, DEAL_WORD_PARSING, CONTEXT_RULES }

    private final Pipeline pipeline;
    private final ExtractorVersion version;

    RuleBasedExtractor(Knowledge knowledge, Lexicon lexicon, DealFrames frames, Set<Part> parts) {
        this.version = ExtractorVersion.of(parts, knowledge.version);
        Mentions mentions = new Mentions(knowledge, lexicon);
        Coreference coreference = new Coreference(knowledge, lexicon);
        List<Stage> stages = new ArrayList<>();
        stages.add(stage("sentences", Set.of(), EnumSet.of(Layer.SENTENCES), a -> {
            a.sentences = Sentences.split(a.doc.text());
            List<String> lowered = new ArrayList<>(a.size());
            a.sentences.forEach(s -> lowered.add(lower(s.text())));
            a.lowered = lowered;
        }));
        stages.add(stage("mentions", EnumSet.of(Layer.SENTENCES), EnumSet.of(Layer.MENTIONS), a -> {
            List<List<Mentions.Mention>> per = new ArrayList<>(a.size());
            List<String> texts = new ArrayList<>(a.size());
            for (Sentences.Sentence s : a.sentences) {
                a.deadline.check();
                per.add(mentions.find(s.text()));
                texts.add(s.text());
            }
            Mentions.promote(per, lexicon);
            Mentions.lowercaseBrands(texts, per);
            Mentions.extendLegalForms(texts, per);
            for (int i = 0; i < texts.size(); i++) {
                Mentions.splitJoined(texts.get(i), per.get(i));
            }
            Mentions.governments(texts, per);
            a.mentions = per;
        }));
        stages.add(stage("money-and-dates", EnumSet.of(Layer.SENTENCES), EnumSet.of(Layer.MONEY, Layer.DATES), a -> {
            List<List<Money.Amount>> money = new ArrayList<>(a.size());
            List<List<Dates.DateMention>> dates = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                a.deadline.check();
                String st = a.sentences.get(i).text();
                money.add(Money.find(st, a.lowered.get(i)));
                dates.add(Dates.find(st, a.lowered.get(i), a.doc.published()));
            }
            a.money = money;
            a.dates = dates;
        }));
        boolean models = parts.contains(Part.NER) || parts.contains(Part.PARSER);
        if (models) {
            stages.add(new LanguageStages.Candidates(frames.cueWords(), parts.contains(Part.DEAL_WORD_PARSING)
                    ? frames.vocabularies.getOrDefault("parse-cues", Set.of()) : Set.of()));
            stages.add(new LanguageStages.Tokenize());
            if (parts.contains(Part.NER)) {
                stages.add(new LanguageStages.Recognise(lexicon.stopwords(), lexicon.places(), lexicon.headlineVerbs(),
                        lexicon.descriptorNouns()));
            }
        }
        stages.add(stage("coreference", EnumSet.of(Layer.MENTIONS), EnumSet.of(Layer.COREFERENCE), a -> {
            // every reader's names are in by now: name each fund with its parent the one way
            List<String> texts = new ArrayList<>(a.size());
            a.sentences.forEach(x -> texts.add(x.text()));
            Mentions.parentFunds(texts, a.mentions, lexicon.genericFundWords());
            Mentions.brandNames(texts, a.mentions);
            Mentions.titledCompanies(texts, a.mentions);
            mentions.withTheirCountry(texts, a.mentions);
            coreference.resolve(a.sentences, a.lowered, a.mentions, a.deadline);
        }));
        if (parts.contains(Part.PARSER)) {
            stages.add(new LanguageStages.Tag());
            stages.add(new LanguageStages.Parse());
            stages.add(new Grammar(frames, knowledge, lexicon.stopwords(), lexicon.places()));
        }
        if (parts.contains(Part.CONTEXT_RULES)) {
            Relations relations = new Relations(knowledge);
            stages.add(stage("context-rules", EnumSet.of(Layer.MENTIONS, Layer.MONEY, Layer.DATES, Layer.COREFERENCE),
                    EnumSet.of(Layer.CONTEXT_DRAFTS), a -> {
                        List<Relations.View> views = new ArrayList<>(a.size());
                        for (int i = 0; i < a.size(); i++) {
                            views.add(a.view(i));
                        }
                        a.contextDrafts.addAll(relations.extract(views, a.doc.published(), a.deadline));
                    }));
        }
        FactResolver resolver = new FactResolver(knowledge, lexicon.places());
        NotDeals notDeals = NotDeals.load();
        stages.add(stage("resolve", EnumSet.of(Layer.SENTENCES, Layer.MENTIONS, Layer.MONEY), EnumSet.of(Layer.FACTS), a -> {
            List<Relations.Draft> drafts = DraftMerge.merge(a.grammarDrafts, a.contextDrafts);
            // "Q: When did Amazon announce the additional $4 billion?": a question asserts nothing
            drafts.removeIf(d -> Grammar.question(a.sentences.get(d.sentence()).text()));
            // denials, loans, the newspaper that reported it...: extract/rules/not-deals.yaml
            drafts = notDeals.keep(drafts, a.sentences, a.money);
            // in text order, and a total order within a sentence: the parser's graphs come out of hash sets, so the
            // order in which one sentence's facts arrive can differ between runs, and claim ids follow the order
            List<Fact> facts = new ArrayList<>(resolver.resolve(a.doc, a.sentences, drafts, partyTypes(a)));
            facts.sort(TEXT_ORDER);
            a.facts = List.copyOf(facts);
        }));
        this.pipeline = new Pipeline(stages);
    }

    /** Funds, people and governments by name, as the mentions typed them (the knowledge file knows companies). */
    private static Map<String, String> partyTypes(Analysis a) {
        Map<String, String> types = new HashMap<>();
        // the model reads a name as a person now and then ("Fino Paytech’s latest round"); a name it reads as a
        // company at least as often stays a company, or every fact with that name as its investee would be lost
        Map<String, Integer> personVotes = new HashMap<>();
        for (List<Mentions.Mention> ms : a.mentions) {
            for (Mentions.Mention m : ms) {
                if (m.source() != Mentions.Source.COREF && ("Person".equals(m.type()) || m.isOrg())) {
                    personVotes.merge(m.name(), "Person".equals(m.type()) ? 1 : -1, Integer::sum);
                }
            }
        }
        for (List<Mentions.Mention> ms : a.mentions) {
            for (Mentions.Mention m : ms) {
                if ("Person".equals(m.type()) && m.source() == Mentions.Source.MODEL && personVotes.getOrDefault(m.name(), 0) <= 0) {
                    continue;
                }
                if (m.isParty() && !m.isOrg()) {
                    types.putIfAbsent(m.name(), m.type());
                } else if ("Company".equals(m.type()) && m.source() != Mentions.Source.KNOWN && m.source() != Mentions.Source.COREF) {
                    // a name no file knows: its shape says whether it is a fund or a government ("Northstar Capital")
                    String t = Mentions.typeOfName(m.name(), null);
                    if (t != null && !"Company".equals(t)) {
                        types.putIfAbsent(m.name(), t);
                    }
                }
            }
        }
        return types;
    }

    /** Per-char lower case, so offsets in the lowered text stay those of the original. */
    static String lower(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            char c = cs[i];
            cs[i] = c == '’' ? '\'' : Character.toLowerCase(c);
        }
        return new String(cs);
    }

    List<String> stages() {
        return pipeline.names();
    }

    private static final java.util.Comparator<Fact> TEXT_ORDER = java.util.Comparator.comparingInt(Fact::start)
            .thenComparingInt(Fact::end)
            .thenComparing(Fact::type)
            .thenComparing(Fact::from, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(Fact::to, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(Fact::amountUsd, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(Fact::amount, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(Fact::date, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(f -> f.round() == null ? null : f.round().id(), java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(f -> f.round() == null ? null : f.round().role(), java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(Fact::qualifier, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(Fact::status, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));

    @Override
    public List<Fact> extract(Document doc) {
        return pipeline.run(doc, Deadline.none()).facts;
    }

    @Override
    public List<Fact> extract(Document doc, Deadline deadline) {
        return pipeline.run(doc, deadline).facts;
    }

    private static Stage stage(String name, Set<Layer> requires, Set<Layer> provides, java.util.function.Consumer<Analysis> work) {
        Set<Layer> req = requires.isEmpty() ? EnumSet.noneOf(Layer.class) : EnumSet.copyOf(requires);
        Set<Layer> prov = EnumSet.copyOf(provides);
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Layer> requires() {
                return req;
            }

            @Override
            public Set<Layer> provides() {
                return prov;
            }

            @Override
            public void annotate(Analysis a) {
                work.accept(a);
            }
        };
    }

    @Override
    public ExtractorVersion version() {
        return version;
    }
}
