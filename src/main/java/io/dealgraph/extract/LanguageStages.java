package io.dealgraph.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.Morphology;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The statistical language layer as pipeline stages. The models cost far more than the rules (the parser about 5 ms a
 * sentence here), so they read only the sentences that can hold a deal: those with a figure or a word some deal
 * frame is triggered by ({@link Candidates}). docs/language-layer.md measures what each part costs and brings.
 */
final class LanguageStages {

    private LanguageStages() {
    }

    /** Longest sentence the parser reads, in tokens: longer "sentences" are tables and link lists run together. */
    static final int MAX_PARSE_TOKENS = 60;

    /**
     * How much of one document the models read, in characters of candidate sentences, in document order; the rules
     * alone read what comes after. The models cost some 20 to 60 s per MB of candidate text and the rules about one,
     * so this is what keeps a long table of deals or megabytes of figures from costing minutes, and the models'
     * tokens from filling the heap. News articles stay well below it (the most candidate text in the seeds, our
     * test documents and the study articles is about 16,000 characters, in a 24 KB article).
     */
    static final int MAX_MODEL_CHARS = 40_000;

    /**
     * The same share in sentences, as the models' cost is per sentence as much as per character: at most this many
     * candidates, and half as many parsed. A long table of short rows reaches these first. (The most in the seeds,
     * our test documents and the study articles: 133 candidates, 62 parsed.)
     */
    static final int MAX_MODEL_SENTENCES = 400;

    /**
     * Picks the sentences the models read: the named-entity model those with a figure or a frame's trigger word in any
     * of its forms, the tagger and the parser only those among them with a figure or a strong deal cue and a name
     * (a capitalised word past the sentence's first).
     */
    static final class Candidates implements Stage {
        private final Set<String> cueWords;
        private final List<String> parseCues;

        Candidates(Set<String> cueWords, Set<String> parseCues) {
            this.cueWords = Set.copyOf(cueWords);
            this.parseCues = List.copyOf(parseCues);
        }

        @Override
        public String name() {
            return "candidates";
        }

        @Override
        public Set<Layer> requires() {
            return EnumSet.of(Layer.SENTENCES, Layer.MONEY);
        }

        @Override
        public Set<Layer> provides() {
            return EnumSet.of(Layer.CANDIDATES);
        }

        @Override
        public void annotate(Analysis a) {
            a.candidate = new boolean[a.size()];
            a.parse = new boolean[a.size()];
            for (int i = 0; i < a.size(); i++) {
                boolean money = !a.money.get(i).isEmpty();
                String l = a.lowered.get(i);
                a.candidate[i] = money || hasCue(l);
                a.parse[i] = money || a.candidate[i] && parseCues.size() > 0 && DealFrames.cueAtWordStart(l, parseCues) && hasName(a.sentences.get(i).text());
            }
            int read = 0;
            int candidates = 0;
            int parsed = 0;
            for (int i = 0; i < a.size(); i++) {
                if (a.candidate[i]) {
                    read += a.sentences.get(i).text().length();
                    if (read > MAX_MODEL_CHARS || ++candidates > MAX_MODEL_SENTENCES) {
                        a.candidate[i] = false;
                        a.parse[i] = false;
                    } else if (a.parse[i] && ++parsed > MAX_MODEL_SENTENCES / 2) {
                        a.parse[i] = false;
                    }
                }
            }
        }

        /** A capitalised word after the first: a name the deal can be about (headlines capitalise everything, fine). */
        private static boolean hasName(String s) {
            int i = 0;
            int n = s.length();
            while (i < n && !Character.isLetter(s.charAt(i))) {
                i++;
            }
            while (i < n && Character.isLetter(s.charAt(i))) {
                i++;
            }
            for (; i < n; i++) {
                if (Character.isUpperCase(s.charAt(i)) && !Character.isLetterOrDigit(s.charAt(i - 1))) {
                    return true;
                }
            }
            return false;
        }

        boolean hasCue(String lowered) {
            int n = lowered.length();
            int i = 0;
            while (i < n) {
                while (i < n && !Character.isLetter(lowered.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && (Character.isLetter(lowered.charAt(i)) || lowered.charAt(i) == '-')) {
                    i++;
                }
                if (i > start && cueWords.contains(lowered.substring(start, i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Penn Treebank tokens of each candidate sentence, offsets relative to the sentence. */
    static final class Tokenize implements Stage {
        private static final TokenizerFactory<CoreLabel> FACTORY =
                PTBTokenizer.factory(new CoreLabelTokenFactory(), "invertible=false,untokenizable=noneDelete,normalizeParentheses=false,normalizeOtherBrackets=false");

        @Override
        public String name() {
            return "tokenize";
        }

        @Override
        public Set<Layer> requires() {
            return EnumSet.of(Layer.CANDIDATES);
        }

        @Override
        public Set<Layer> provides() {
            return EnumSet.of(Layer.TOKENS);
        }

        @Override
        public void annotate(Analysis a) {
            List<List<CoreLabel>> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                a.deadline.check();
                out.add(a.candidate[i] ? clauseWithinParseLimit(tokens(a.sentences.get(i).text())) : null);
            }
            a.tokens = out;
        }

        /**
         * A sentence longer than the parser reads ({@link #MAX_PARSE_TOKENS}) is cut after the last clause break
         * (comma, semicolon, colon, dash) that keeps it within the limit: news puts the deal first and its list of
         * investors or an aside after it ("A, B and C also took part, on behalf of ..."), so the opening clauses
         * carry the facts; without the cut nothing of the sentence was read.
         */
        static List<CoreLabel> clauseWithinParseLimit(List<CoreLabel> toks) {
            if (toks.size() <= MAX_PARSE_TOKENS) {
                return toks;
            }
            for (int t = MAX_PARSE_TOKENS - 1; t >= MIN_CLAUSE_TOKENS; t--) {
                String w = toks.get(t).word();
                if (w.equals(",") || w.equals(";") || w.equals(":") || w.equals("--") || w.equals("–") || w.equals("—")) {
                    return new ArrayList<>(toks.subList(0, t));
                }
            }
            return toks;
        }

        private static final int MIN_CLAUSE_TOKENS = 12;

        /** "TOKYO—", "LONDON (Reuters) -", "SAN FRANCISCO, Nov 12 (Reuters) -": a dateline is no part of the sentence. */
        private static final java.util.regex.Pattern DATELINE = java.util.regex.Pattern.compile(
                "^\\s*(?:(?:[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})(?:,\\s*(?:[A-Z][A-Za-z.]+\\s+\\d{1,2}(?:,\\s*\\d{4})?|[A-Z][a-z]+))?\\s*)?"
                        + "(?:\\((?:Reuters|AP|AFP|Bloomberg|IANS|PTI|ANI|Xinhua|dpa|Kyodo|BUSINESS WIRE|PRNewswire|GLOBE NEWSWIRE)\\)\\s*)?[—–-]{1,2}\\s*");

        static List<CoreLabel> tokens(String text) {
            java.util.regex.Matcher d = DATELINE.matcher(text);
            int skip = d.lookingAt() && d.end() < text.length() && d.end() > 1 ? d.end() : Math.max(0, Mentions.datedDatelineEnd(text));
            List<CoreLabel> toks = FACTORY.getTokenizer(new StringReader(text.substring(skip))).tokenize();
            for (int k = 0; k < toks.size(); k++) {
                CoreLabel t = toks.get(k);
                t.setIndex(k + 1);
                if (skip > 0) {
                    t.setBeginPosition(t.beginPosition() + skip);
                    t.setEndPosition(t.endPosition() + skip);
                }
            }
            return toks;
        }
    }

    /** Part-of-speech tags and lemmas. */
    static final class Tag implements Stage {
        @Override
        public String name() {
            return "pos";
        }

        @Override
        public Set<Layer> requires() {
            return EnumSet.of(Layer.TOKENS);
        }

        @Override
        public Set<Layer> provides() {
            return EnumSet.of(Layer.TAGS);
        }

        @Override
        public void annotate(Analysis a) {
            var tagger = LanguageModels.get().tagger();
            Morphology morpha = new Morphology(); // not thread-safe: one per document
            for (int i = 0; i < a.size(); i++) {
                a.deadline.check();
                List<CoreLabel> toks = a.tokens.get(i);
                if (toks == null || toks.isEmpty() || !a.parse[i] || toks.size() > MAX_PARSE_TOKENS) {
                    continue;
                }
                tagger.tagCoreLabels(toks);
                for (CoreLabel t : toks) {
                    t.setLemma(morpha.lemma(t.word(), t.tag(), true));
                }
            }
        }
    }

    /**
     * Names the named-entity model sees (organisations, people, other names) that no rule found: added to the
     * sentence's mentions, typed by how the name is built ({@link Mentions#typeOfName}).
     */
    static final class Recognise implements Stage {
        private final Set<String> stopwords;
        private final Set<String> places;
        private final Set<String> headlineVerbs;
        private final Set<String> descriptorNouns;

        Recognise(Set<String> stopwords, Set<String> places, Set<String> headlineVerbs, Set<String> descriptorNouns) {
            this.stopwords = Set.copyOf(stopwords);
            this.places = Lexicon.placeKeys(places);
            this.headlineVerbs = Set.copyOf(headlineVerbs);
            this.descriptorNouns = Set.copyOf(descriptorNouns);
        }

        /**
         * Whether the model can add anything to this sentence: a word with a capital that no rule's mention covers
         * (past a capitalised function word opening the sentence), or a mention named like a place (the grammar asks
         * the model's tags whether it is one). Elsewhere it would only repeat the rules, at a third of the
         * extraction time; leaving those sentences out changes no fact on the seeds, our test documents or the
         * study corpus (checked when this was written, docs/language-layer.md).
         */
        boolean needsModel(List<CoreLabel> toks, List<Mentions.Mention> mentions) {
            for (Mentions.Mention m : mentions) {
                if (places.contains(Lexicon.placeKey(m.name()))) {
                    return true;
                }
            }
            for (int t = 0; t < toks.size(); t++) {
                CoreLabel tok = toks.get(t);
                String w = tok.word();
                if (w.chars().noneMatch(Character::isUpperCase)) {
                    continue;
                }
                if (t == 0 && stopwords.contains(w) && w.chars().anyMatch(Character::isLowerCase)) {
                    continue; // "The", "In", "It" (not "US", which starts "US DOE")
                }
                boolean covered = false;
                for (Mentions.Mention m : mentions) {
                    if (tok.beginPosition() >= m.start() && tok.endPosition() <= m.end()) {
                        covered = true;
                        break;
                    }
                }
                if (!covered) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String name() {
            return "ner";
        }

        @Override
        public Set<Layer> requires() {
            return EnumSet.of(Layer.TOKENS, Layer.MENTIONS);
        }

        @Override
        public Set<Layer> provides() {
            return EnumSet.of(Layer.ENTITIES);
        }

        @Override
        public void annotate(Analysis a) {
            var ner = LanguageModels.get().ner();
            for (int i = 0; i < a.size(); i++) {
                a.deadline.check();
                List<CoreLabel> toks = a.tokens.get(i);
                if (toks == null || toks.isEmpty()) {
                    continue;
                }
                if (!needsModel(toks, a.mentions.get(i))) {
                    continue;
                }
                List<CoreLabel> labelled = ner.classifySentence(toks); // copies the tokens; classify() on bare labels mislabels
                for (int t = 0; t < toks.size() && t < labelled.size(); t++) {
                    toks.get(t).setNER(answer(labelled.get(t))); // kept for the grammar: a place is no party
                }
                String sentence = a.sentences.get(i).text();
                List<Mentions.Mention> ms = new ArrayList<>(a.mentions.get(i));
                boolean changed = false;
                int k = 0;
                while (k < labelled.size()) {
                    String tag = answer(labelled.get(k));
                    if (tag.equals("O")) {
                        k++;
                        continue;
                    }
                    int from = k;
                    while (k + 1 < labelled.size() && answer(labelled.get(k + 1)).equals(tag)) {
                        k++;
                    }
                    int last = k;
                    k++;
                    // the model sometimes joins a list into one name ("Mouro Capital and Factorial Funds"): split it
                    int begin = from;
                    for (int t = from; t <= last + 1; t++) {
                        boolean split = t > last || toks.get(t).word().equals(",") || toks.get(t).word().equalsIgnoreCase("and");
                        if (!split) {
                            continue;
                        }
                        if (t > begin) {
                            int start = toks.get(begin).beginPosition();
                            int end = toks.get(t - 1).endPosition();
                            int before = ms.size();
                            Mentions.Mention m = Mentions.fromModel(sentence, start, end, tag, ms, stopwords, headlineVerbs, descriptorNouns);
                            if (m != null) {
                                ms.add(m);
                                changed = true;
                            } else if (ms.size() != before) {
                                changed = true;
                            }
                        }
                        begin = t + 1;
                    }
                }
                if (changed) {
                    ms.sort((x, y) -> Integer.compare(x.start(), y.start()));
                    a.mentions.set(i, ms);
                    Mentions.extendLegalForms(List.of(sentence), List.of(ms));
                    Mentions.splitJoined(sentence, ms);
                }
            }
        }

        private static String answer(CoreLabel t) {
            String s = t.get(CoreAnnotations.AnswerAnnotation.class);
            if (s == null) {
                return "O";
            }
            int dash = s.indexOf('-');
            return dash == 1 ? s.substring(2) : s; // B-ORG / I-ORG → ORG
        }
    }

    /** Universal Dependencies (enhanced++) graphs of the candidate sentences short enough to be prose. */
    static final class Parse implements Stage {
        @Override
        public String name() {
            return "depparse";
        }

        @Override
        public Set<Layer> requires() {
            return EnumSet.of(Layer.TAGS);
        }

        @Override
        public Set<Layer> provides() {
            return EnumSet.of(Layer.PARSE);
        }

        @Override
        public void annotate(Analysis a) {
            var parser = LanguageModels.get().parser();
            SemanticGraph[] graphs = new SemanticGraph[a.size()];
            for (int i = 0; i < a.size(); i++) {
                a.deadline.check();
                List<CoreLabel> toks = a.tokens.get(i);
                if (toks == null || toks.isEmpty() || !a.parse[i] || toks.size() > MAX_PARSE_TOKENS) {
                    continue;
                }
                CoreMap sentence = new ArrayCoreMap();
                sentence.set(CoreAnnotations.TokensAnnotation.class, toks);
                GrammaticalStructure gs = parser.predict(sentence);
                graphs[i] = SemanticGraphFactory.makeFromTree(gs, SemanticGraphFactory.Mode.ENHANCED_PLUS_PLUS,
                        GrammaticalStructure.Extras.NONE, null);
            }
            a.graphs = Arrays.asList(graphs);
        }
    }
}
