package io.dealgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the references news uses instead of names: knowledge-file descriptors ("the Claude maker"), generic ones
 * ("the company", "the startup") and "it"/"its", to the most recent compatible organisation. The salient organisation
 * is the first one named in a sentence (news puts the subject first).
 */
final class Coreference {

    private static final Pattern GENERIC = Pattern.compile(
            "\\b(?:the|this|that)\\s+(?:(?:[\\w\\-]+\\s+){0,2}?)(company|firm|startup|start-up|lab|ai lab|group|giant|tech giant|"
                    + "cloud giant|cloud provider|retailer|investor|developer|maker|unicorn|business)\\b(?!\\s+(?:of|that|which)\\b)");

    /** GENERIC tried only where "the", "this" or "that" begins, followed by the whitespace (\\s) the pattern wants. */
    private static final Starts GENERIC_AT = Starts.of(GENERIC, "the ", "the\t", "the\n", "the\u000B", "the\f", "the\r", "this ", "this\t",
            "this\n", "this\u000B", "this\f", "this\r", "that ", "that\t", "that\n", "that\u000B", "that\f", "that\r").atWordStarts();

    /** Words that introduce a name as an investor: "sovereign wealth fund GIC", "German investor MEAG". */
    private static final Pattern INVESTOR_DESCRIPTION = Pattern.compile(
            "\\b(?:investors?|investment\\s+(?:firm|arm|company|group|manager)|(?:wealth|pension|hedge|venture|equity|growth|sovereign)\\s+funds?|"
            + "private\\s+equity\\s+(?:firm|group|giant|house)|venture\\s+(?:capital\\s+)?firm|vc\\s+firm|asset\\s+manager|family\\s+office|insurer)\\s+$");

    private static final Pattern OBJECT_BEFORE = Pattern.compile("\\b(?:into|in|to|for|from|with|backed|acquired|bought|of)\\s+(?:the|this|that)\\s+$");

    private final Knowledge knowledge;
    private final Map<String, List<Knowledge.Entity>> descriptors;

    /** Places as {@link Lexicon#placeKey} keys: "Taiwan Mobile" named in full makes no "Taiwan" alone its short form. */
    private final Set<String> placeKeys;

    Coreference(Knowledge knowledge, Lexicon lexicon) {
        this.knowledge = knowledge;
        this.placeKeys = Lexicon.placeKeys(lexicon.places());
        this.descriptors = knowledge.byDescriptor;
        Map<String, List<Map.Entry<String, List<Knowledge.Entity>>>> idx = new java.util.HashMap<>();
        for (Map.Entry<String, List<Knowledge.Entity>> d : descriptors.entrySet()) {
            idx.computeIfAbsent(lastWord(d.getKey()), k -> new ArrayList<>()).add(d);
        }
        this.byLastWord = Map.copyOf(idx);
        long lengths = 0;
        boolean beyondAscii = false;
        for (String w : idx.keySet()) {
            lengths |= w.length() < 64 ? 1L << w.length() : -1L;
            char c = w.isEmpty() ? 0 : w.charAt(0);
            char e = w.isEmpty() ? 0 : w.charAt(w.length() - 1);
            if (c < 128 && e < 128) {
                lastWordFirsts[c] = true;
                lastWordLasts[e] = true;
            } else {
                beyondAscii = true;
            }
        }
        this.lastWordLengths = lengths;
        this.lastWordBeyondAscii = beyondAscii;
    }

    private final Map<String, List<Map.Entry<String, List<Knowledge.Entity>>>> byLastWord;
    /** Lengths (bits; all when one is 64 or longer), first and last characters of the last words: most words fit not all. */
    private final long lastWordLengths;
    private final boolean[] lastWordFirsts = new boolean[128];
    private final boolean[] lastWordLasts = new boolean[128];
    private final boolean lastWordBeyondAscii;

    private boolean mayBeLastWord(String ls, int i, int j) {
        int len = j - i;
        if (len < 64 && (lastWordLengths & (1L << len)) == 0) {
            return false;
        }
        char c = ls.charAt(i);
        char e = ls.charAt(j - 1);
        return c < 128 && e < 128 ? lastWordFirsts[c] && lastWordLasts[e] : lastWordBeyondAscii;
    }

    /** Adds COREF mentions to each sentence's list, in document order. */
    void resolve(List<Sentences.Sentence> sentences, List<String> lowered, List<List<Mentions.Mention>> perSentence) {
        resolve(sentences, lowered, perSentence, Deadline.none());
    }

    void resolve(List<Sentences.Sentence> sentences, List<String> lowered, List<List<Mentions.Mention>> perSentence, Deadline deadline) {
        Recency recent = new Recency(knowledge);
        Map<String, Set<String>> firstWords = new java.util.HashMap<>(); // "Impossible" -> {"Impossible Foods"}
        Set<String> standalone = new java.util.HashSet<>();
        Map<String, Integer> counts = new java.util.HashMap<>(); // mentions so far: how central a name is
        Map<String, String> shortForms = new java.util.HashMap<>(); // "EH2" -> "Electric Hydrogen"
        Map<String, String> initials = new java.util.HashMap<>(); // "PDG" -> "Princeton Digital Group"
        Map<String, String> surnames = new java.util.HashMap<>(); // "Barrett" -> "Paul Barrett"
        String salient = null;
        Set<String> describedInvestors = new java.util.HashSet<>(); // "sovereign wealth fund GIC", "German investor MEAG"
        for (int si = 0; si < sentences.size(); si++) {
            deadline.check();
            String s = sentences.get(si).text();
            String ls = lowered.get(si);
            List<Mentions.Mention> ms = perSentence.get(si);
            List<Mentions.Mention> added = new ArrayList<>();
            for (Mentions.Mention m : ms) {
                if (m.source() != Mentions.Source.COREF && INVESTOR_DESCRIPTION.matcher(ls).region(Math.max(0, m.start() - 40), m.start()).find()) {
                    describedInvestors.add(m.name());
                }
            }
            bracketedShortForms(s, ms, shortForms);
            initialisms(ms, initials);
            surnames(ms, surnames);
            shortNames(s, ms, firstWords, standalone, counts, added);
            if (si + 1 < sentences.size() && (ls.startsWith("a ") || ls.startsWith("an "))) {
                Mentions.Mention named = namedNext(ls, ms, lowered.get(si + 1), perSentence.get(si + 1));
                if (named != null) {
                    added.add(named);
                }
            }
            // descriptors from the knowledge file
            for (Map.Entry<String, List<Knowledge.Entity>> d : descriptorsIn(ls)) {
                int at = ls.indexOf(d.getKey());
                while (at >= 0) {
                    int end = at + d.getKey().length();
                    boolean bounded = (at == 0 || !Character.isLetterOrDigit(ls.charAt(at - 1)))
                            && (end >= ls.length() || !Character.isLetterOrDigit(ls.charAt(end)));
                    // "China's largest online retailer JD.com": a descriptor right before a name describes that name
                    if (bounded && !overlaps(ms, at, end, true) && !nameStartsAt(ls, end, ms)) {
                        String target = pick(d.getValue(), recent);
                        if (target != null) {
                            added.add(new Mentions.Mention(at, end, target, "Company", Mentions.Source.COREF, true,
                                    s.startsWith("'s", end) || s.startsWith("’s", end)));
                        }
                    }
                    at = ls.indexOf(d.getKey(), end);
                }
            }
            Matcher g = GENERIC_AT.matcher(ls);
            for (int at = mayHoldGeneric(ls) ? GENERIC_AT.find(g, ls, 0) : -1; at >= 0; at = GENERIC_AT.find(g, ls, g.end())) {
                if (overlaps(ms, g.start(1), g.end(1)) || overlaps(added, g.start(1), g.end(1))) {
                    continue;
                }
                if (namedRightAfter(ls, g.end(), ms)) {
                    continue; // "from the tech investor, Halden Trust": the name that follows says who it is
                }
                String noun = g.group(1).toLowerCase(Locale.ROOT);
                String target = generic(noun, recent, salient, counts, ms, g.start(),
                        ls.substring(Math.max(0, g.start() - 20), g.start()) + ls.substring(g.start(), ls.indexOf(' ', g.start()) + 1), ls,
                        describedInvestors);
                if (target != null) {
                    added.add(new Mentions.Mention(g.start(1), g.end(1), target, "Company", Mentions.Source.COREF, true,
                            s.startsWith("'s", g.end()) || s.startsWith("’s", g.end())));
                }
            }
            for (int at = ls.indexOf("it"); at >= 0; at = ls.indexOf("it", at + 2)) {
                // "it"/"its" as whole words; "it's" is a verb phrase, not a possessive
                int end = at + 2;
                boolean its = end < ls.length() && ls.charAt(end) == 's';
                if (its) {
                    end++;
                }
                char before = at == 0 ? ' ' : ls.charAt(at - 1);
                char after = end >= ls.length() ? ' ' : ls.charAt(end);
                if (!(Character.isWhitespace(before) || ",;:(—–-".indexOf(before) >= 0) || Character.isLetterOrDigit(after)
                        || after == '\'' || overlaps(ms, at, end)) {
                    continue; // "IT Cosmetics": the word is part of a name, no pronoun
                }
                String target = firstOrgBefore(ms, at);
                if (target == null) {
                    target = saidThatIt(s, ms, at); // "software provider Freee announced that it had raised"
                }
                String fromAdded = firstOrgBefore(added, at);
                if (fromAdded != null && (target == null || firstStart(added, at) < firstStart(ms, at))) {
                    target = fromAdded; // "The company ... said it": the reference resolved just before
                }
                if (target == null) {
                    target = salient;
                }
                if (target != null) {
                    added.add(new Mentions.Mention(at, end, target, "Company", Mentions.Source.COREF, true, its));
                }
            }
            if (!added.isEmpty()) {
                ms.addAll(added);
                ms.sort((a, b) -> Integer.compare(a.start(), b.start()));
            }
            String first = null;
            for (Mentions.Mention m : ms) {
                if ("Company".equals(m.type()) && (m.source() != Mentions.Source.UNKNOWN || m.strong())) {
                    if (first == null) {
                        first = m.name();
                    }
                    recent.touch(m.name());
                    if (m.source() != Mentions.Source.COREF) {
                        counts.merge(m.name(), 1, Integer::sum);
                    }
                }
            }
            if (first != null) {
                salient = first;
            }
            for (Mentions.Mention m : ms) {
                if (m.source() == Mentions.Source.UNKNOWN && ("Company".equals(m.type()) || "Fund".equals(m.type()))) {
                    String[] words = m.name().split(" ");
                    if (words.length >= 2 && words.length <= 3 && ordinaryWord(words[0]) && knowledge.entity(words[0]) == null
                            && !placeKeys.contains(Lexicon.placeKey(words[0]))
                            && java.util.Arrays.stream(words).allMatch(w -> !w.isEmpty() && Character.isUpperCase(w.charAt(0))
                                    && w.chars().allMatch(Character::isLetter))) {
                        firstWords.computeIfAbsent(words[0], k -> new java.util.HashSet<>()).add(m.name());
                    }
                }
                if (m.source() != Mentions.Source.COREF && m.name().indexOf(' ') < 0) {
                    standalone.add(m.name()); // "Visa" named on its own somewhere: "Visa Direct" is something else
                }
            }
        }
    }

    /** "(EH2)", "(GIC)", "(AMZN)": one word in brackets with two capitals, or a capital and a digit, and nothing else. */
    private static final Pattern BRACKETED_SHORT_FORM = Pattern.compile("^\\s*\\((\\p{Lu}[\\p{L}\\d&\\-]{1,7})\\)");

    /**
     * A name given in full with its short form in brackets ("Electric Hydrogen (EH2) ... EH2 has developed"): from
     * there on a mention of the short form is the full name, so that the document's counts, its topic and its deals
     * see one company. Mentions in the sentences before are left as they are: the text had not tied them yet.
     */
    private static void bracketedShortForms(String s, List<Mentions.Mention> ms, Map<String, String> shortForms) {
        spelledOutNames(s, ms, shortForms);
        for (Mentions.Mention m : ms) {
            if (m.source() == Mentions.Source.COREF || m.name().indexOf(' ') < 0 || !m.isParty() || "Person".equals(m.type())) {
                continue;
            }
            Matcher b = BRACKETED_SHORT_FORM.matcher(s.substring(m.end(), Math.min(s.length(), m.end() + 16)));
            if (b.find()) {
                String abbreviation = b.group(1);
                long capitals = abbreviation.chars().filter(Character::isUpperCase).count();
                boolean digit = abbreviation.chars().anyMatch(Character::isDigit);
                if ((capitals >= 2 || digit) && !abbreviation.equals(m.name())) {
                    shortForms.putIfAbsent(abbreviation, m.name());
                }
            }
        }

        if (!shortForms.isEmpty()) {
            ms.replaceAll(m -> m.source() != Mentions.Source.COREF && shortForms.containsKey(m.name())
                    ? m.withName(shortForms.get(m.name()), m.strong()) : m);
        }
    }

    /**
     * A name's initials, used later without brackets ("Princeton Digital Group … investing $350 million in PDG"): a
     * capitalised word of three to six letters that the knowledge file does not know, spelled by the first letters of
     * a company named before in the document, is that company.
     */
    private static void initialisms(List<Mentions.Mention> ms, Map<String, String> initials) {
        for (Mentions.Mention m : ms) {
            if (m.source() != Mentions.Source.COREF && m.source() != Mentions.Source.KNOWN && m.isOrg() && m.name().indexOf(' ') > 0) {
                StringBuilder letters = new StringBuilder();
                for (String w : m.name().split("\\s+")) {
                    if (!PARTICLES.contains(w.toLowerCase(Locale.ROOT)) && !w.isEmpty() && Character.isLetter(w.charAt(0))) {
                        letters.append(Character.toUpperCase(w.charAt(0)));
                    }
                }
                if (letters.length() >= 3 && letters.length() <= 6) {
                    initials.putIfAbsent(letters.toString(), m.name());
                }
            }
        }
        if (!initials.isEmpty()) {
            ms.replaceAll(m -> m.source() != Mentions.Source.COREF && m.source() != Mentions.Source.KNOWN && initials.containsKey(m.name())
                    ? m.withName(initials.get(m.name()), m.strong()) : m);
        }
    }

    /** Small words a spelled-out name skips in its initials: "Caisse de dépôt et placement du Québec (CDPQ)". */
    private static final Set<String> PARTICLES = Set.of("de", "du", "des", "d", "et", "la", "le", "les", "of", "and", "the", "for",
            "di", "da", "do", "dos", "das", "del", "y", "e", "für", "und");

    private static final Pattern INITIALS_IN_BRACKETS = Pattern.compile("\\s\\((\\p{Lu}{3,8})\\)");

    /**
     * Where bracketed initials spell the words before them, those words are one name, and every mention inside them
     * is that name: "Caisse de dépôt et placement du Québec (CDPQ)", where the rules saw only "Caisse". From there on
     * the initials stand for the name too.
     */
    private static void spelledOutNames(String s, List<Mentions.Mention> ms, Map<String, String> shortForms) {
        if (s.indexOf('(') < 0) {
            return;
        }
        Matcher b = INITIALS_IN_BRACKETS.matcher(s);
        while (b.find()) {
            int end = b.start();
            int from = spelledOutStart(s, end, b.group(1));
            if (from < 0) {
                continue;
            }
            String full = s.substring(from, end);
            boolean clash = false;
            for (Mentions.Mention m : ms) {
                boolean inside = m.start() >= from && m.end() <= end;
                boolean across = m.start() < end && m.end() > from && !inside;
                clash |= across || inside && (!m.isOrg() || m.source() == Mentions.Source.COREF);
            }
            if (clash) {
                continue; // the words hold another kind of name, or one that runs past them: not one name
            }
            Mentions.Mention first = null;
            for (int k = ms.size() - 1; k >= 0; k--) {
                Mentions.Mention m = ms.get(k);
                if (m.start() >= from && m.end() <= end && m.source() != Mentions.Source.COREF && m.isOrg()) {
                    first = m;
                    ms.remove(k);
                }
            }
            if (first != null) {
                ms.add(new Mentions.Mention(from, end, full, first.type(), first.source(), true, false));
                ms.sort((x, y) -> Integer.compare(x.start(), y.start()));
                shortForms.putIfAbsent(b.group(1), full);
            }
        }
    }

    /**
     * Where the name the initials spell begins: the words before {@code end} begin with those letters in turn, small
     * words skipped, and the first of them is capitalised; -1 when they do not.
     */
    private static int spelledOutStart(String s, int end, String letters) {
        int k = letters.length() - 1;
        int i = end;
        int first = -1;
        while (k >= 0) {
            while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
                i--;
            }
            int wEnd = i;
            while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
                i--;
            }
            if (i == wEnd) {
                return -1;
            }
            String word = s.substring(i, wEnd);
            if (Character.toUpperCase(word.charAt(0)) == letters.charAt(k)) {
                k--;
                first = i;
            } else if (!PARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
                return -1;
            }
        }
        return Character.isUpperCase(s.charAt(first)) ? first : -1;
    }

    /**
     * A person named in full and later by surname alone ("Dubliner Paul Barrett ... says Barrett"): the lone word is
     * that person, not a company the rules guessed from a capital letter (a profile of a founder had made "Barrett"
     * the company its round was about). Names the knowledge file knows keep their meaning.
     */
    private static void surnames(List<Mentions.Mention> ms, Map<String, String> surnames) {
        for (Mentions.Mention m : ms) {
            if ("Person".equals(m.type()) && m.source() != Mentions.Source.COREF) {
                String[] words = m.name().split("\\s+");
                if (words.length >= 2 && words[words.length - 1].length() >= 3) {
                    surnames.putIfAbsent(words[words.length - 1], m.name());
                }
            }
        }
        if (surnames.isEmpty()) {
            return;
        }
        ms.replaceAll(m -> m.source() != Mentions.Source.KNOWN && m.source() != Mentions.Source.COREF && !"Person".equals(m.type())
                && m.name().indexOf(' ') < 0 && surnames.containsKey(m.name())
                ? new Mentions.Mention(m.start(), m.end(), surnames.get(m.name()), "Person", m.source(), m.strong(), m.possessive())
                : m);
    }

    /** The one of several names the document has named most often so far ("Impossible Foods" over "Impossible Burger"), or null on a tie. */
    private static String mostNamed(Set<String> names, Map<String, Integer> counts) {
        String best = null;
        int bestCount = -1;
        boolean tie = false;
        for (String n : names) {
            int c = counts.getOrDefault(n, 0);
            if (c > bestCount) {
                best = n;
                bestCount = c;
                tie = false;
            } else if (c == bestCount) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** A capitalised word of four letters or more and nothing else: "Impossible", not "AI", "IBM" or "3M". */
    private static boolean ordinaryWord(String w) {
        return w.length() >= 4 && Character.isUpperCase(w.charAt(0)) && w.chars().skip(1).allMatch(Character::isLowerCase);
    }

    /**
     * A company the document named in full and later by its first word alone: "Impossible Foods ... Impossible has now
     * raised", "a round for Impossible in 2015", "Hope's Series A". Only names the rules found themselves (not the
     * knowledge file's), of two or three capitalised words with an ordinary first word that the document never uses
     * as a name on its own; of several such names the one named most often; the bare word is read as the full name
     * where no other mention covers it.
     */
    private static void shortNames(String s, List<Mentions.Mention> ms, Map<String, Set<String>> firstWords, Set<String> standalone,
            Map<String, Integer> counts, List<Mentions.Mention> added) {
        if (firstWords.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Set<String>> e : firstWords.entrySet()) {
            String word = e.getKey();
            String full = mostNamed(e.getValue(), counts);
            if (full == null || standalone.contains(word)) {
                continue;
            }
            for (int at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + word.length())) {
                int end = at + word.length();
                boolean bounded = (at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)))
                        && (end >= s.length() || !Character.isLetterOrDigit(s.charAt(end)));
                if (!bounded || overlaps(added, at, end)) {
                    continue;
                }
                if (overlaps(ms, at, end)) {
                    // "Zijin will buy shares" after "Zijin Mining Group": the model's or the rules' one-word name is
                    // the short form of the full one, not a second company
                    for (int k = 0; k < ms.size(); k++) {
                        Mentions.Mention m = ms.get(k);
                        if (m.start() == at && m.end() == end && m.name().equals(word) && "Company".equals(m.type())
                                && (m.source() == Mentions.Source.UNKNOWN || m.source() == Mentions.Source.MODEL)) {
                            ms.set(k, m.withName(full, true));
                        }
                    }
                    continue;
                }
                boolean possessive = s.startsWith("'s", end) || s.startsWith("’s", end);
                added.add(new Mentions.Mention(at, end, full, "Company", Mentions.Source.COREF, true, possessive));
            }
        }
    }

    /** "A San Francisco startup building tax agents has raised..." at the start of a sentence, before any name. */
    private static final Pattern INDEFINITE = Pattern.compile("^an?\\s+(?:[\\w\\-]+\\s+){0,5}?(startup|start-up|company|firm|lab|developer|maker)\\b");
    /** "The company, Ledgerline, said": the next sentence names it. */
    private static final Pattern NAMED_NEXT = Pattern.compile("^(?:the|that|this)\\s+(?:company|startup|start-up|firm|lab|business)(?:,|\\s+(?:is\\s+)?(?:called|named))\\s+");

    /**
     * An organisation introduced by description and named only in the next sentence: the description becomes a
     * mention of the name, so the first sentence's deal has its party.
     */
    private static Mentions.Mention namedNext(String ls, List<Mentions.Mention> ms, String next, List<Mentions.Mention> nextMs) {
        Matcher ind = INDEFINITE.matcher(ls);
        if (!ind.lookingAt() || !ms.isEmpty() && ms.get(0).start() < ind.end(1)) {
            return null;
        }
        Matcher named = NAMED_NEXT.matcher(next);
        if (!named.lookingAt()) {
            return null;
        }
        for (Mentions.Mention m : nextMs) {
            if (m.start() == named.end() && "Company".equals(m.type())) {
                return new Mentions.Mention(ind.start(1), ind.end(1), m.name(), "Company", Mentions.Source.COREF, true, false);
            }
        }
        return null;
    }

    /** Descriptors whose last word occurs in the sentence, found by one pass over its words. */
    private List<Map.Entry<String, List<Knowledge.Entity>>> descriptorsIn(String ls) {
        List<Map.Entry<String, List<Knowledge.Entity>>> out = null;
        int i = 0;
        int n = ls.length();
        while (i < n) {
            while (i < n && !Character.isLetter(ls.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < n && (Character.isLetter(ls.charAt(j)) || ls.charAt(j) == '-')) {
                j++;
            }
            if (j > i && mayBeLastWord(ls, i, j)) {
                List<Map.Entry<String, List<Knowledge.Entity>>> c = byLastWord.get(ls.substring(i, j));
                if (c != null) {
                    if (out == null) {
                        out = new ArrayList<>();
                    }
                    for (Map.Entry<String, List<Knowledge.Entity>> e : c) {
                        if (!out.contains(e)) {
                            out.add(e);
                        }
                    }
                }
            }
            i = j;
        }
        return out == null ? List.of() : out;
    }

    private static String lastWord(String phrase) {
        int sp = phrase.lastIndexOf(' ');
        return sp < 0 ? phrase : phrase.substring(sp + 1);
    }

    private static boolean mayHoldGeneric(String ls) {
        for (String noun : GENERIC_NOUNS) {
            if (ls.contains(noun)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] GENERIC_NOUNS = {"company", "firm", "startup", "start-up", "lab", "group", "giant",
        "provider", "retailer", "investor", "developer", "maker", "unicorn", "business"};

    /** A description followed by a comma and a name: an apposition, which names the one described. */
    /** A name (not a reference) begins right after {@code end}, past spaces and an optional comma. */
    private static boolean nameStartsAt(String ls, int end, List<Mentions.Mention> ms) {
        int i = end;
        while (i < ls.length() && (ls.charAt(i) == ' ' || ls.charAt(i) == ',')) {
            i++;
        }
        for (Mentions.Mention m : ms) {
            if (m.start() == i && m.source() != Mentions.Source.COREF) {
                return true;
            }
        }
        return false;
    }

    private static boolean namedRightAfter(String ls, int end, List<Mentions.Mention> ms) {
        int i = end;
        while (i < ls.length() && ls.charAt(i) == ' ') {
            i++;
        }
        if (i >= ls.length() || ls.charAt(i) != ',') {
            return false;
        }
        i++;
        while (i < ls.length() && ls.charAt(i) == ' ') {
            i++;
        }
        for (Mentions.Mention m : ms) {
            if (m.start() == i && m.source() != Mentions.Source.COREF) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(List<Mentions.Mention> ms, int start, int end) {
        return overlaps(ms, start, end, false);
    }

    /** With {@code partiesOnly}, a product's name does not count: "the Claude maker" describes its maker. */
    private static boolean overlaps(List<Mentions.Mention> ms, int start, int end, boolean partiesOnly) {
        for (Mentions.Mention m : ms) {
            if ((!partiesOnly || m.isParty()) && m.start() < end && start < m.end()) {
                return true;
            }
        }
        return false;
    }

    /** An ambiguous descriptor ("chipmaker") means the candidate last mentioned; an unambiguous one its entity. */
    /** The candidate named most recently; null when none has been named yet. */
    private static String pick(List<Knowledge.Entity> candidates, Recency recent) {
        if (candidates.size() == 1) {
            return candidates.get(0).name();
        }
        String best = null;
        long latest = 0;
        for (Knowledge.Entity e : candidates) {
            long at = recent.lastNamed(e.name());
            if (at > latest) {
                latest = at;
                best = e.name();
            }
        }
        return best;
    }

    /**
     * The companies named so far, each at its latest mention. Moving a name to the front and finding the latest one of
     * a kind cost a lookup, not a walk over every name the document has named: documents naming thousands of
     * companies made that quadratic. The kinds are those {@link #generic} asks for (not an investor; an investor or
     * provider), so its search skips only the sentence's own actors.
     */
    private static final class Recency {
        private final Knowledge knowledge;
        private final Map<String, Long> stamps = new java.util.HashMap<>();
        private final java.util.TreeMap<Long, String> all = new java.util.TreeMap<>();
        private final java.util.TreeMap<Long, String> notInvestors = new java.util.TreeMap<>();
        private final java.util.TreeMap<Long, String> investorsOrProviders = new java.util.TreeMap<>();
        private long clock;

        Recency(Knowledge knowledge) {
            this.knowledge = knowledge;
        }

        void touch(String name) {
            Long before = stamps.put(name, ++clock);
            if (before != null) {
                all.remove(before);
                notInvestors.remove(before);
                investorsOrProviders.remove(before);
            }
            all.put(clock, name);
            String kind = knowledge.kindOf(name);
            if (!"investor".equals(kind)) {
                notInvestors.put(clock, name);
            }
            if ("investor".equals(kind) || "provider".equals(kind)) {
                investorsOrProviders.put(clock, name);
            }
        }

        /** When the name was last named (larger is later); 0 when never. */
        long lastNamed(String name) {
            return stamps.getOrDefault(name, 0L);
        }

        /** Latest first. */
        Iterable<String> latest() {
            return all.descendingMap().values();
        }

        /** Latest first, not investors. */
        Iterable<String> latestNotInvestors() {
            return notInvestors.descendingMap().values();
        }

        /** Latest first, investors and providers only. */
        Iterable<String> latestInvestorsOrProviders() {
            return investorsOrProviders.descendingMap().values();
        }
    }

    private static final Pattern SAID = Pattern.compile("\\b(?:said|says|announced|confirmed|disclosed)\\b");
    /** "invested $N in the company", "put money into the firm": what is invested in. */
    private static final Pattern INTO_BEFORE = Pattern.compile(
            "(?:\\b(?:invest\\w*|put|puts|putting|pour\\w*|pump\\w*|inject\\w*|stakes?)|\\$[\\d.,]+\\s*(?:million|billion|trillion|bn|m|b)?)\\b"
                    + "[^.;]{0,60}?\\b(?:into|in)\\s+(?:the|this|that)\\s+$");
    private static final Pattern INTO_BEFORE_NAME = Pattern.compile("\\b(?:into|in)\\s+(?:the\\s+)?$");
    private static final Pattern OBJECT_BEFORE_NAME = Pattern.compile("\\b(?:with|from|by|to|into|of|than)\\s+(?:the\\s+)?$");

    private static Mentions.Mention firstCompany(List<Mentions.Mention> ms, int at) {
        for (Mentions.Mention m : ms) {
            if (m.end() <= at && "Company".equals(m.type()) && (m.source() != Mentions.Source.UNKNOWN || m.strong())) {
                return m;
            }
        }
        return null;
    }

    private String generic(String noun, Recency recent, String salient, Map<String, Integer> counts, List<Mentions.Mention> ms,
                           int at, String sentenceBefore, String sentenceText, Set<String> describedInvestors) {
        boolean small = noun.equals("startup") || noun.equals("start-up") || noun.equals("lab") || noun.equals("ai lab")
                || noun.equals("unicorn") || noun.equals("developer");
        boolean big = noun.contains("giant") || noun.equals("cloud provider") || noun.equals("retailer");
        // same sentence first: "X said the company ..."
        List<String> order = new ArrayList<>();
        // "X put money into the company": an object reference is not the sentence's own subject
        boolean object = at > 0 && ms.stream().anyMatch(m -> m.end() <= at)
                && OBJECT_BEFORE.matcher(sentenceBefore).find();
        if (object) {
            // "X, a maker of models, said A and B invested $N in the company": the reporting subject
            Mentions.Mention first = firstCompany(ms, at);
            if (first != null && SAID.matcher(sentenceText.substring(first.end(), at)).find()) {
                order.add(first.name());
            }
        }
        // "investing in Anthropic, with Amazon investing $8 billion in the company": the name in the same slot earlier
        // in the sentence; the sentence's other names are its actors ("Google invested $300 million in the company")
        Set<String> actors = new java.util.HashSet<>();
        int space = sentenceText.indexOf(' ', at);
        String lead = sentenceText.substring(Math.max(0, at - 80), space < 0 ? sentenceText.length() : space + 1);
        if (object && INTO_BEFORE.matcher(lead).find()) {
            // "Uber also made an investment in the firm": what is invested in is no investment firm (SoftBank, named
            // a sentence before as an investor, is not "the firm" here)
            small = true;
            for (Mentions.Mention m : ms) {
                if (m.end() > at || !"Company".equals(m.type())) {
                    continue;
                }
                if (INTO_BEFORE_NAME.matcher(sentenceText.substring(Math.max(0, m.start() - 12), m.start())).find()) {
                    order.add(m.name());
                } else {
                    actors.add(m.name());
                }
            }
            actors.removeAll(order);
        }
        for (int k = object ? -1 : ms.size() - 1; k >= 0; k--) {
            Mentions.Mention m = ms.get(k);
            if (m.end() <= at && "Company".equals(m.type()) && (m.source() != Mentions.Source.UNKNOWN || m.strong())
                    && !OBJECT_BEFORE_NAME.matcher(sentenceText.substring(Math.max(0, m.start() - 12), m.start())).find()) {
                order.add(m.name()); // "X signed a deal with Y, giving the startup ...": Y, an object, is not the startup
            }
        }
        // from earlier sentences: the most talked-about of the last few names, the latest subject on a tie
        List<String> earlier = new ArrayList<>();
        if (salient != null) {
            earlier.add(salient);
        }
        int last = 0;
        for (String name : recent.latest()) {
            if (last++ == 8) {
                break;
            }
            if (!earlier.contains(name)) {
                earlier.add(name);
            }
        }
        earlier.sort((a, b) -> Integer.compare(counts.getOrDefault(b, 0), counts.getOrDefault(a, 0)));
        order.addAll(earlier);
        for (String name : order) {
            if (fits(name, small, big, actors, describedInvestors)) {
                return name;
            }
        }
        // then every name so far, latest first, among those of the kind the noun allows
        for (String name : big ? recent.latestInvestorsOrProviders() : small ? recent.latestNotInvestors() : recent.latest()) {
            if (fits(name, small, big, actors, describedInvestors)) {
                return name;
            }
        }
        if (big) {
            // "BioVersys has been working with GSK… Now the pharmaceutical giant has acquired a stake": a giant nobody
            // listed is the latest company named before, other than the one the story is about
            int looked = 0;
            for (String name : recent.latest()) {
                if (looked++ == 3) {
                    break;
                }
                if (!name.equals(salient) && !actors.contains(name) && knowledge.kindOf(name) == null) {
                    return name;
                }
            }
        }
        return null;
    }

    private boolean fits(String name, boolean small, boolean big, Set<String> actors, Set<String> describedInvestors) {
        if (actors.contains(name)) {
            return false;
        }
        String kind = knowledge.kindOf(name);
        if (kind == null) {
            // a name the document introduced as an investor ("sovereign wealth fund GIC") is one, known or not
            kind = describedInvestors.contains(name) ? "investor" : "lab";
        }
        if (small && "investor".equals(kind)) {
            return false;
        }
        return !big || "investor".equals(kind) || "provider".equals(kind);
    }

    private static int firstStart(List<Mentions.Mention> ms, int at) {
        for (Mentions.Mention m : ms) {
            if (m.end() <= at && "Company".equals(m.type())) {
                return m.start();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The words of saying are {@link #SAID}'s: "announced last month that ". */
    private static final Pattern SAID_THAT = Pattern.compile("^\\s+(?:has\\s+|had\\s+)?" + SAID.pattern() + "[^,.;]{0,40}?\\bthat\\s+$");

    /**
     * The company whose words the pronoun reports: a name the rules were unsure of ("provider Freee") is still the
     * one that "announced that it had raised".
     */
    private static String saidThatIt(String s, List<Mentions.Mention> ms, int at) {
        for (Mentions.Mention m : ms) {
            if (m.end() <= at && "Company".equals(m.type()) && m.source() != Mentions.Source.COREF
                    && SAID_THAT.matcher(s.substring(m.end(), at)).matches()) {
                return m.name();
            }
        }
        return null;
    }

    private static String firstOrgBefore(List<Mentions.Mention> ms, int at) {
        for (Mentions.Mention m : ms) {
            if (m.end() <= at && "Company".equals(m.type()) && (m.source() != Mentions.Source.UNKNOWN || m.strong())) {
                return m.name();
            }
        }
        return null;
    }
}
