package io.dealgraph.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.dealgraph.extract.DealFrames.Frame;
import io.dealgraph.extract.DealFrames.Kind;
import io.dealgraph.extract.DealFrames.Position;
import io.dealgraph.extract.DealFrames.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deals read from grammar: the frames of {@link DealFrames} applied to each parsed sentence, then funding rounds
 * assembled across sentences. A name or figure takes the role its position under a trigger word gives it
 * ("Lumen Bio raised €40 million from A": Lumen Bio the investee, €40 million the amount, A an investor);
 * frames of one sentence that name no investee of their own join the sentence's round, and a sentence that names
 * investors but no raiser ("The round was co-led by B and C") adds them to the round told about last.
 */
final class Grammar implements Stage {

    private static final Pattern SERIES = Pattern.compile(
            "\\b((?i:pre-seed|seed)|(?i:series|s[eé]rie)\\s+[A-K](?:\\d|\\+|-\\d)?|(?i:pre-series)\\s+[A-K]|(?:growth|bridge|angel)(?=\\s+(?:round|funding|financing|equity)))\\b");
    /** How far back a sentence that names only investors may look for its round. */
    private static final int ROUND_REACH = 8;
    /** Nouns a name may hang under on its way to the frame above: "a group of investors led by X". */
    /** Investment vehicles named after their owner, who is the investor the news means. */
    private static final Set<String> ARMS = Set.of("arm", "unit", "group", "fund", "division", "subsidiary", "vehicle",
            "affiliate", "wing", "branch");
    private static final Set<String> CARRIERS = Set.of("group", "consortium", "syndicate", "number", "host", "slew", "list",
            "roster", "line-up", "lineup", "set", "mix", "collection", "range", "combination", "investor", "backer", "firm", "fund",
            "participation", "support", "backing", "heavyweight", "name", "player", "giant", "company", "vc", "investment",
            "capital", "money", "funding", "round", "financing", "manager", "bank", "house", "office", "arm", "unit", "entity");

    private final DealFrames frames;
    private final Knowledge knowledge;
    private final Set<String> stopwords;
    private final Set<String> places;
    private final Set<String> dealWords;
    private final Pattern someOfSeveral;
    private final Set<String> otherLanguageDealWords;
    /** Every form of the verbs whose subject raises a round ("raises", "bags", "closed"), from frames.yaml. */
    private final Set<String> raiseVerbForms;
    private static final boolean DEBUG = Boolean.getBoolean("dealgraph.debug.grammar");

    private static String v(Money.Amount m) {
        return m.amount() + m.currency();
    }

    Grammar(DealFrames frames, Knowledge knowledge, Set<String> stopwords, Set<String> places) {
        this.frames = frames;
        this.knowledge = knowledge;
        this.stopwords = Set.copyOf(stopwords);
        this.places = Lexicon.placeKeys(places);
        Set<String> deal = new java.util.HashSet<>(frames.vocabularies.getOrDefault("parse-cues", Set.of()));
        this.otherLanguageDealWords = Set.copyOf(frames.vocabularies.getOrDefault("deal-words-other-languages", Set.of()));
        deal.addAll(otherLanguageDealWords);
        this.dealWords = Set.copyOf(deal);
        Set<String> raiseForms = new java.util.HashSet<>();
        for (Frame f : frames.frames) {
            if (f.kind() == Kind.ROUND && f.at(Position.SUBJECT) == Role.INVESTEE) {
                f.verbs().forEach(v -> raiseForms.addAll(DealFrames.Inflections.ofVerb(v)));
            }
        }
        this.raiseVerbForms = Set.copyOf(raiseForms);
        // "from investors including A", "from A and others": A is one of several (frames.yaml's investor-nouns)
        List<String> plurals = new ArrayList<>();
        frames.vocabularies.getOrDefault("investor-nouns", Set.of()).forEach(n -> plurals.add(Pattern.quote(DealFrames.Inflections.plural(n))));
        this.someOfSeveral = Pattern.compile("(?i)\\b(?:" + String.join("|", plurals)
                + ")\\s+(?:including|such as|like|among them)\\b|\\b(?:and|among) others\\b");
    }

    @Override
    public String name() {
        return "grammar";
    }

    @Override
    public Set<Layer> requires() {
        return EnumSet.of(Layer.PARSE, Layer.MONEY, Layer.DATES, Layer.COREFERENCE); // ENTITIES when the model runs
    }

    @Override
    public Set<Layer> provides() {
        return EnumSet.of(Layer.GRAMMAR_DRAFTS);
    }

    /** A party or figure of a sentence, with the parse node that heads it. */
    /** {@code commercial}: a figure a contract or purchase is worth, which spend frames take and investment frames do not. */
    private record Item(IndexedWord head, Mentions.Mention party, Money.Amount money, boolean commercial) {
        Item(IndexedWord head, Mentions.Mention party, Money.Amount money) {
            this(head, party, money, false);
        }

        String name() {
            return party.name();
        }
    }

    /** One trigger word's frame and what its positions hold. */
    private static final class Instance {
        final IndexedWord trigger;
        final Frame frame;
        final Map<Role, List<Item>> roles = new LinkedHashMap<>();

        Instance(IndexedWord trigger, Frame frame) {
            this.trigger = trigger;
            this.frame = frame;
        }

        void add(Role r, Item it) {
            List<Item> l = roles.computeIfAbsent(r, k -> new ArrayList<>());
            for (Item x : l) {
                if (x.head().equals(it.head())) {
                    return;
                }
            }
            l.add(it);
        }

        List<Item> get(Role r) {
            return roles.getOrDefault(r, List.of());
        }
    }

    @Override
    public void annotate(Analysis a) {
        // first every sentence's frames and lists, then the rounds: the topic is read from all of them
        List<List<Instance>> frames = new ArrayList<>(a.size());
        List<List<ListedInvestor>> lists = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            a.deadline.check();
            SemanticGraph g = i < a.graphs.size() ? a.graphs.get(i) : null;
            Relations.View view = a.view(i);
            lists.add(lists(view, a.tokens.size() > i ? a.tokens.get(i) : null));
            frames.add(g == null ? List.of() : read(g, a.tokens.get(i), view));
        }
        Rounds rounds = new Rounds(a.doc.published(), topic(a, frames, lists));
        if (DEBUG) {
            System.err.println("TOPIC " + rounds.topic);
        }
        if (Boolean.getBoolean("dealgraph.debug.mentions")) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.mentions.forEach(ms -> ms.forEach(m -> names.add(m.name() + "|" + m.type() + "|" + m.source())));
            System.err.println("MENTIONS\t" + a.doc.id() + "\t" + String.join("\t", names));
        }
        for (int i = 0; i < a.size(); i++) {
            a.deadline.check();
            List<Instance> instances = frames.get(i);
            List<ListedInvestor> listed = lists.get(i);
            Relations.View view = a.view(i);
            if (DEBUG) {
                System.err.println("S" + i + ": " + view.s());
                if (a.graphs.size() > i && a.graphs.get(i) != null) {
                    System.err.println(a.graphs.get(i).toList());
                }
                for (Instance in : instances) {
                    StringBuilder sb = new StringBuilder("   " + in.frame.name() + "@" + in.trigger.word() + ":");
                    in.roles.forEach((r, l) -> l.forEach(x -> sb.append(' ').append(r).append('=').append(x.party() != null ? x.name() : v(x.money()))));
                    System.err.println(sb);
                }
                listed.forEach(l -> System.err.println("   list " + l.role() + "=" + l.item().name()));
            }
            if (!instances.isEmpty() || !listed.isEmpty()) {
                assemble(i, a.graphs.size() > i ? a.graphs.get(i) : null, view, instances, listed, rounds, a.grammarDrafts);
            }
        }
        a.grammarDrafts.addAll(rounds.drafts());
    }

    /**
     * The company a document is about, for rounds told without their raiser ("It raised €105 million in June"): the
     * one the frames make a raiser most often, else the company named most often (the first sentences count
     * double) that no frame or list makes an investor and the knowledge file does not call an investor.
     */
    private String topic(Analysis a, List<List<Instance>> frames, List<List<ListedInvestor>> lists) {
        Map<String, Integer> raisers = new LinkedHashMap<>();
        Map<String, Integer> investing = new java.util.HashMap<>();
        for (List<Instance> fs : frames) {
            for (Instance in : fs) {
                in.get(Role.INVESTEE).forEach(x -> raisers.merge(x.name(), 1, Integer::sum));
                for (Role r : List.of(Role.INVESTOR, Role.LEAD, Role.PARTICIPANT)) {
                    // "the startup announced a £2 billion investment in data centres": what coreference made of "the
                    // startup" follows the topic, and cannot make an investor of it
                    in.get(r).stream().filter(x -> x.party() == null || x.party().source() != Mentions.Source.COREF)
                            .forEach(x -> investing.merge(x.name(), 1, Integer::sum));
                }
            }
        }
        lists.forEach(l -> l.forEach(x -> investing.merge(x.item().name(), 1, Integer::sum)));
        Map<String, Integer> raised = new java.util.HashMap<>(raisers);
        // a company that raises money in the story may also spend or invest some ("SSI has committed to using Google
        // Cloud"): it stays a candidate while the frames make it a raiser more often than an investor
        raisers.entrySet().removeIf(e -> e.getValue() <= investing.getOrDefault(e.getKey(), 0));
        // "the biggest investors in Silicon Valley": a place is where investors are, never the story's raiser
        raisers.keySet().removeIf(n -> places.contains(Lexicon.placeKey(n)));
        // between raisers the frames name equally often, the one the article names most ("Hugging Face raised…;
        // startups like Inflection AI have raised funds": the story is Hugging Face's)
        if (raisers.size() > 1) {
            Map<String, Integer> named = new java.util.HashMap<>();
            for (List<Mentions.Mention> ms : a.mentions) {
                ms.forEach(m -> named.merge(m.name(), 1, Integer::sum));
            }
            raisers.replaceAll((name, n) -> n * 1000 + Math.min(999, named.getOrDefault(name, 0)));
        }
        String best = best(raisers, 1);
        if (best != null) {
            return best;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < a.size(); i++) {
            for (Mentions.Mention m : a.mentions.get(i)) {
                if (!"Company".equals(m.type()) || m.source() == Mentions.Source.COREF) {
                    continue; // what coreference made of "the startup" follows the topic; it cannot decide it
                }
                if (investing.getOrDefault(m.name(), 0) > raised.getOrDefault(m.name(), 0)) {
                    continue; // an investor of the story, unless it raises as often as it invests
                }
                Knowledge.Entity e = knowledge.entity(m.name());
                if (e != null && "investor".equals(e.kind())) {
                    continue;
                }
                if (REPORTER.matcher(a.sentences.get(i).text()).region(m.end(), a.sentences.get(i).text().length()).lookingAt()) {
                    continue; // "PANews reported on Thursday that…": who tells the story is not what it is about
                }
                counts.merge(m.name(), i < 3 ? 2 : 1, Integer::sum);
            }
        }
        return best(counts, 2);
    }

    private static String best(Map<String, Integer> counts, int atLeast) {
        String best = null;
        int n = atLeast - 1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }

    // ------------------------------------------------------------ investor lists, read from the text

    /** A name read from an investor list, with the role its cue gives it. */
    /** One name of an investor list, with its own figure when the list gives it ("B Capital ($77 million)"). */
    private record ListedInvestor(Item item, Role role, Money.Amount share) {
    }

    private static final Pattern LIST_STOP = Pattern.compile(
            "[.;()]|\\b(?:said|says|which|who|whose|while|but|that|to|is|are|was|were|will|has|have|had|valued|valuation|"
                    + "according|for|at|on|in|by|from|of|into|after|before|since|because|when|where|raised|raise|led|leads|"
                    // "dirigé par A et avec la participation de B": "with" in French, Spanish, German, Portuguese
                    + "avec|con|mit|com)\\b",
            Pattern.CASE_INSENSITIVE);
    /** What an outlet does with a story and a company seldom does: "PANews reported on Thursday that…". */
    private static final String REPORTING = "reported|reports|wrote|writes";
    private static final Pattern REPORTS = Pattern.compile(
            "^\\s*,?\\s*(?:\\([^)]{1,20}\\)\\s*)?(?:has\\s+|had\\s+)?(?:" + REPORTING + "|said|says|told|announced|noted|added)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Who tells the story, not what it is about; "said" and "announced" are left out, as companies say and announce. */
    private static final Pattern REPORTER = Pattern.compile("\\s*(?:has\\s+|had\\s+)?(?:" + REPORTING + ")\\b");
    /** Words of saying: a person with a title who says something speaks for a party and is none ("Ray Stata, founder of X" invests). */
    private static final Pattern SAYS = Pattern.compile("\\b(?:said|says|told|added|noted|explained|stated|commented)\\b");
    static final Pattern TITLE_AFTER = Pattern.compile(
            "^\\s*,?\\s*(?:the\\s+|its\\s+|a\\s+)?(?:[\\w'’-]+\\s+){0,3}?(?:CEO|chief|founder|co-founder|cofounder|president|chairman|chairwoman|head|director|executive|partner|spokesperson|managing)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words for a job at a company: after its name ("Stripe executive", "Google's former chief executive") or in a bracket after a person's. */
    private static final String JOB_WORDS = "executive|exec|CEO|CTO|COO|CFO|VP|SVP|EVP|founder|co-founder|cofounder|chief|partner|chairman|"
            + "chairwoman|president|veteran|alum|alumnus|employee|engineer|researcher|scientist|board member|director|leader|head|"
            + "creator|co-creator|principal|staffer|staff|alumni|alums";
    /**
     * After a name: a job there, so the name says where a person works or worked ("Halvard co-founder Jane Roe", "Ola
     * executives Anand Shah"), also at the end of a list of such names ("former King, Seriously and Rovio staffers").
     */
    private static final Pattern EMPLOYER = Pattern.compile(
            "^(?:(?:['’]s)?\\s+(?i:former\\s+|ex-|then-|onetime\\s+|longtime\\s+)?(?i:" + JOB_WORDS + ")(?i:e?s)?\\b"
            // in a list the job word is a plural common noun, written in lower case ("Lightspeed Venture Partners" is a
            // name; "Peter Thiel, GitHub CEO Thomas Dohmke" is a list of people)
            + "|(?:\\s*(?:,\\s*(?:and\\s+)?|\\s+and\\s+|\\s+&\\s+)(?:\\p{Lu}[\\w.&’'-]*\\s+){0,2}\\p{Lu}[\\w.&’'-]*){1,5}"
            + "\\s+(?:former\\s+|ex-)?(?:(?:" + JOB_WORDS + ")e?s|staff|alumni)\\b)");
    /** After a possessive name: its investors follow ("Hysata's existing strategic and financial investors"). */
    private static final Pattern WHOSE_INVESTORS = Pattern.compile(
            "^\\s*['’]s?\\s+(?:[\\w-]+\\s+){0,4}?(?:investors|backers|shareholders|funders|investor|backer|shareholder)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Capitalised words the rules may take for a name that never invest: a round's name, a product series. */
    static final Pattern NOT_A_PARTY = Pattern.compile("(?:Series|Seed|Pre-Seed|Pre-seed|Round|Funding)\\b");
    /** A short aside in brackets after a name: its initials, its seat, what it is. */
    private static final Pattern ASIDE = Pattern.compile("^\\s*\\([^()]{1,120}\\)");
    /**
     * Words after a name that make it describe the next one: "Google's venture capital arm GV", "Toyota Motor Corp.
     * supplier Denso", "Santander venture capital fund Mouro Capital".
     */
    private static final Pattern DESCRIBES_NEXT = Pattern.compile(
            "^(?:['’]s)?\\s+(?:[a-z][\\w-]*\\s+){0,3}(?:arm|unit|subsidiary|supplier|affiliate|division|fund|vehicle|parent|owner)\\s+(?=\\p{Lu})");
    /** "MIT's The Engine", "Crédit Agricole's regional fund Unexo": the owner names the fund after it. */
    /**
     * "anchored by Moniepoint's $90 million venture round": the name owns the round that follows, so it raised it. (Not
     * "investment": "backed by Arlo's $5 million investment" is Arlo's money.)
     */
    private static final Pattern WHOSE_ROUND = Pattern.compile(
            "^['’]s?\\s+(?:[\\w$€£¥.,-]+\\s+){0,5}?(?:round|funding|financing|raise|fundraise|fundraising|series\\s+[a-h])\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSSESSOR_OF_NEXT = Pattern.compile("^['’]s?\\s+(?:[a-z][\\w-]*\\s+){0,4}(?=\\p{Lu})");

    /** Whether the party after {@code m} is an organisation ("Sequoia's Roelof Botha" names a person of Sequoia). */
    private static boolean nextIsOrg(List<Mentions.Mention> parties, Mentions.Mention m) {
        for (Mentions.Mention n : parties) {
            if (n.start() >= m.end()) {
                return n.isOrg();
            }
        }
        return false;
    }

    private static final Pattern ROLE_NOTE = Pattern.compile("^\\s*\\((co-)?leads?\\)", Pattern.CASE_INSENSITIVE);

    /** Every investor list of a sentence. */
    private List<ListedInvestor> lists(Relations.View v, List<CoreLabel> tokens) {
        List<Mentions.Mention> parties = new ArrayList<>();
        for (Mentions.Mention m : v.mentions()) {
            if (m.isParty() && !noParty(v, m, tokens)) {
                parties.add(m);
            }
        }
        if (parties.isEmpty()) {
            return List.of();
        }
        String ls = v.ls();
        Set<String> heads = frames.vocabularies.getOrDefault("list-heads", Set.of());
        Set<String> trailing = frames.vocabularies.getOrDefault("list-head-adjectives", Set.of());
        List<ListedInvestor> out = new ArrayList<>();
        for (DealFrames.ListRule rule : frames.lists) {
            if (rule.needsDealWord() && !DealFrames.cueAtWordStart(ls, dealWords)) {
                continue;
            }
            for (String cue : rule.cues()) {
                int from = 0;
                while (true) {
                    int at = ls.indexOf(cue, from);
                    if (at < 0) {
                        break;
                    }
                    from = at + cue.length();
                    boolean word = Character.isLetter(cue.charAt(0));
                    // a cue ending in an elided article runs into its name: "auprès d'Advent"
                    if (word && (at > 0 && Character.isLetterOrDigit(ls.charAt(at - 1)) || from < ls.length()
                            && Character.isLetterOrDigit(ls.charAt(from)) && Character.isLetter(cue.charAt(cue.length() - 1)))) {
                        continue;
                    }
                    if (rule.afterInvestorWord() && !afterHead(ls, at, heads, trailing)
                            || rule.role() == Role.LEAD && (RUN_BY.matcher(ls).region(Math.max(0, at - 30), at).find() || companyRunBy(v, at)
                            || FUND_LED.matcher(ls).region(Math.max(0, at - 30), at).find())) {
                        continue;
                    }
                    readList(v, parties, from, rule.role(), out);
                }
            }
            for (Pattern cue : rule.patterns()) {
                java.util.regex.Matcher m = cue.matcher(ls);
                while (m.find()) {
                    if (!rule.afterInvestorWord() || afterHead(ls, m.start(), heads, trailing)) {
                        readList(v, parties, m.end(), rule.role(), out);
                    }
                }
            }
            if (rule.afterInvestorWord()) {
                // "existing investors Accel and Plural": the investor word itself opens the list
                for (String h : heads) {
                    int from = 0;
                    while (true) {
                        int at = ls.indexOf(h, from);
                        if (at < 0) {
                            break;
                        }
                        from = at + h.length();
                        if ((at == 0 || !Character.isLetter(ls.charAt(at - 1))) && (from >= ls.length() || ls.charAt(from) == ' ')
                                && nameRightAfter(parties, v.s(), from)) {
                            readList(v, parties, from, rule.role(), out);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** "Ivanhoe Mines, which is led by financier Robert Friedland": who runs a company, in the present tense; a round "was led". */
    private static final Pattern RUN_BY = Pattern.compile("\\b(?:which|who)\\s+(?:is|are)\\s+(?:now\\s+|currently\\s+|also\\s+)?$");

    /** Who advises on a round, named in its list: "corporate finance adviser A", "consultancy B", "legal firm C". */
    private static final Pattern ADVISER_BEFORE = Pattern.compile(
            "\\b(?:advis[eo]rs?|consultanc(?:y|ies)|consultants?|law\\s+firms?|legal\\s+(?:firms?|advis[eo]rs?|counsel)|"
            + "auditors?|placement\\s+agents?|bookrunners?|underwriters?)\\s+(?:to\\s+\\S+\\s+)?$");


    /** Nouns for an investor's own fund: who anchors or leads one ("a $15 billion fund anchored by Mubadala") is its backer, not a round's lead. */
    private static final Set<String> FUND_NOUNS = Set.of("fund", "vehicle", "programme", "program", "initiative", "pool");
    private static final Pattern FUND_LED = Pattern.compile("\\b(?:" + String.join("|", FUND_NOUNS) + ")\\s+$");

    private static final Pattern COMPANY_IS = Pattern.compile("^\\s+(?:is|are)\\s+(?:now\\s+|currently\\s+|also\\s+|jointly\\s+)?$");

    /** "Founded in 2020, Gardens is led by Chris Bell": a company, not a round, "is led by" the people who run it. */
    private static boolean companyRunBy(Relations.View v, int at) {
        if (COMPANY_WORD_IS.matcher(v.ls()).region(Math.max(0, at - 40), at).find()) {
            return true;
        }
        for (Mentions.Mention m : v.mentions()) {
            if (m.isOrg() && m.end() < at && m.end() > at - 20 && COMPANY_IS.matcher(v.s()).region(m.end(), at).matches()) {
                return true;
            }
        }
        return false;
    }

    /** "existing investors Accel and Plural": without a cue the first name must follow the investor word at once. */
    private static boolean nameRightAfter(List<Mentions.Mention> parties, String s, int from) {
        for (Mentions.Mention m : parties) {
            if (m.start() >= from) {
                return s.substring(from, m.start()).matches("[\\s:]*");
            }
        }
        return false;
    }

    private static boolean afterHead(String ls, int at, Set<String> heads, Set<String> trailing) {
        String before = ls.substring(Math.max(0, at - 40), at).strip();
        while (before.endsWith(",") || before.endsWith("–") || before.endsWith("—")) {
            before = before.substring(0, before.length() - 1).strip();
        }
        int sp = before.lastIndexOf(' ');
        String last = before.substring(sp + 1);
        if (heads.contains(last)) {
            return true;
        }
        // "les investisseurs précédents, dont A": an adjective that follows its noun, in the languages that put it there
        String rest = sp < 0 ? "" : before.substring(0, sp).strip();
        return trailing.contains(last) && heads.contains(rest.substring(rest.lastIndexOf(' ') + 1));
    }

    /** Names after {@code from}, as long as only list words and short descriptions stand between them. */
    private static void readList(Relations.View v, List<Mentions.Mention> parties, int from, Role role, List<ListedInvestor> out) {
        int p = from;
        boolean first = true;
        // "led by A, a fund that invests for families; B; payments giant C; and D": a list whose parts are set off by
        // semicolons, each part opening with its name and perhaps describing it at length
        int semicolons = 0;
        for (int i = v.s().indexOf(';', from); i >= 0 && semicolons < 2; i = v.s().indexOf(';', i + 1)) {
            semicolons++;
        }
        for (Mentions.Mention m : parties) {
            if (m.start() < p) {
                continue;
            }
            String gap = v.s().substring(p, m.start());
            if (semicolons >= 2 && !first) {
                int semi = gap.lastIndexOf(';');
                if (semi < 0 && v.s().indexOf(';', m.end()) >= 0) {
                    continue; // a name inside the description of the part before: not one of the list
                }
                if (semi >= 0) {
                    gap = gap.substring(semi + 1);
                }
            }
            if (gap.length() > 60 || LIST_STOP.matcher(gap).find() || words(gap) > 6) {
                break;
            }
            String after = v.s().substring(m.end());
            if (REPORTS.matcher(after).lookingAt() || "Person".equals(m.type()) && TITLE_AFTER.matcher(after).lookingAt()
                    && SAYS.matcher(after).find() || WHOSE_ROUND.matcher(after).lookingAt()) {
                // "…, Economic Times reported", "Paul Kimani, chief executive, said": the list has ended;
                // "anchored by Moniepoint's $90 million round": no list, the round's raiser
                break;
            }
            if (m.source() == Mentions.Source.COREF && !Character.isUpperCase(v.s().charAt(m.start()))) {
                continue; // "led by 8VC — becoming the latest startup to…": a description, not one of the names
            }
            if (EMPLOYER.matcher(after).lookingAt() || NOT_A_PARTY.matcher(m.name()).lookingAt()
                    || m.possessive() && WHOSE_INVESTORS.matcher(after).lookingAt() || DESCRIBES_NEXT.matcher(after).lookingAt()
                    || m.possessive() && POSSESSOR_OF_NEXT.matcher(after).lookingAt() && nextIsOrg(parties, m)) {
                // "with backing from Hysata's existing investors A and B": whose investors they are, not one of them
                p = m.end(); // "former Stripe executive Claire Hughes": Stripe describes the next name
                continue;
            }
            Role r = role;
            if (ROLE_NOTE.matcher(after).find()) {
                r = Role.LEAD;
            }
            p = m.end();
            Money.Amount share = null;
            java.util.regex.Matcher note = ROLE_NOTE.matcher(v.s().substring(p));
            if (note.find()) {
                p += note.end();
            } else {
                // "Innovation Network Corporation of Japan (INCJ) and Jafco": an aside belongs to the name before;
                // "B Capital ($77 million)": a figure alone in it is that investor's share
                java.util.regex.Matcher aside = ASIDE.matcher(v.s()).region(p, v.s().length());
                if (aside.lookingAt()) {
                    share = figureAlone(v, p, aside.end());
                    p = aside.end();
                }
            }
            boolean dup = false;
            for (ListedInvestor l : out) {
                dup |= l.item().party().name().equals(m.name());
            }
            if (!dup) {
                out.add(new ListedInvestor(new Item(null, m, null), r, share));
            }
            first = false;
        }
    }

    /** The one figure that fills the brackets between from and to, or null: "($77 million)". */
    private static Money.Amount figureAlone(Relations.View v, int from, int to) {
        for (Money.Amount a : v.money()) {
            if (a.start() >= from && a.end() <= to) {
                String rest = v.s().substring(from, a.start()) + v.s().substring(a.end(), to);
                return rest.replaceAll("[\\s()]", "").isEmpty() ? a : null;
            }
        }
        return null;
    }

    private static int words(String gap) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < gap.length(); i++) {
            boolean letter = Character.isLetterOrDigit(gap.charAt(i));
            if (letter && !in) {
                n++;
            }
            in = letter;
        }
        return n;
    }

    // ------------------------------------------------------------ one sentence: frames and roles

    private List<Instance> read(SemanticGraph g, List<CoreLabel> tokens, Relations.View view) {
        List<Item> items = new ArrayList<>();
        for (Mentions.Mention m : view.mentions()) {
            if (m.isParty() && !titled(view, m) && !NOT_A_PARTY.matcher(m.name()).lookingAt()
                    && !EMPLOYER.matcher(view.s().substring(m.end())).lookingAt() && !noParty(view, m, tokens)
                    && !modifiesCompanyNoun(view, m)) {
                IndexedWord h = head(g, tokens, m.start(), m.end());
                if (h != null) {
                    items.add(new Item(h, m, null));
                }
            }
        }
        for (Money.Amount m : view.money()) {
            IndexedWord h = head(g, tokens, m.start(), m.end());
            if (h != null && !notADeal(g, h)) {
                items.add(new Item(h, null, m, commercial(view, m) || commercialNoun(g, h)));
            }
        }
        Map<IndexedWord, List<Frame>> triggers = new HashMap<>();
        for (IndexedWord w : g.vertexSet()) {
            if (insideParty(w, view)) {
                continue; // "Lux Capital", "Founders Fund": a name, not the word "capital" or "fund"
            }
            List<Frame> fs = framesOf(g, w);
            if (!fs.isEmpty()) {
                triggers.put(w, fs);
            }
        }
        if (triggers.isEmpty()) {
            return List.of();
        }
        namesInSlots(g, tokens, view, triggers, items);
        for (Map.Entry<IndexedWord, List<Frame>> e : triggers.entrySet()) {
            if (e.getValue().size() > 1) {
                e.setValue(bestFrames(g, e.getKey(), e.getValue(), items));
            }
        }
        Map<String, Instance> instances = new LinkedHashMap<>();
        for (Item it : items) {
            attach(g, it, triggers, instances);
        }
        // round words and nouns owned through a verb ("buy a stake") open their frame even before anything attaches
        for (Map.Entry<IndexedWord, List<Frame>> e : triggers.entrySet()) {
            for (Frame f : e.getValue()) {
                if (isNoun(e.getKey()) && f.nouns().contains(lemma(e.getKey())) && (f.kind() == Kind.ROUND || f.governors() != null)) {
                    instance(instances, e.getKey(), f);
                }
            }
        }
        governors(g, items, instances);
        objectOwners(g, items, instances);
        inheritFromConjuncts(g, items, instances);
        modified(g, items, triggers, instances);
        subjectsFromAbove(g, items, instances);
        subjectsBefore(view, items, instances);
        raisersBeforeVerbAndFigure(view, items, instances);
        amountsAfter(view, items, instances);
        List<Instance> out = new ArrayList<>(instances.values());
        out.addAll(gapped(g, items, out));
        for (Instance in : out) {
            // "anchored by Moniepoint's $90 million venture round": who owns the round raised it, and backs nothing
            List<Item> owners = new ArrayList<>();
            for (Role side : List.of(Role.INVESTOR, Role.LEAD, Role.PARTICIPANT)) {
                List<Item> backers = in.roles.get(side);
                if (backers != null) {
                    backers.stream().filter(x -> x.party() != null
                            && WHOSE_ROUND.matcher(view.s()).region(x.party().end(), view.s().length()).lookingAt()).forEach(owners::add);
                    backers.removeAll(owners);
                }
            }
            if (!owners.isEmpty() && (in.frame.kind() == Kind.ROUND || in.frame.kind() == Kind.INVESTORS) && in.get(Role.INVESTEE).isEmpty()) {
                in.add(Role.INVESTEE, owners.get(0));
            }
            // "A start-up building technology similar to Israel's Iron Dome has raised": a likeness, not the raiser
            List<Item> investees = in.roles.get(Role.INVESTEE);
            if (investees != null) {
                investees.removeIf(x -> x.party() != null && LIKENESS_BEFORE.matcher(view.s())
                        .region(Math.max(0, x.party().start() - 40), x.party().start()).find());
            }
            // "Industry vets from Riot Games and PUBG have raised…": where people come from, not who gave money
            // "Logan Margulies (early Riot Games leader), Eden Chen (CEO – Pragma)": a person's employer in brackets
            for (Role r : List.of(Role.INVESTOR, Role.PARTICIPANT, Role.LEAD)) {
                List<Item> givers = in.roles.get(r);
                if (givers != null) {
                    givers.removeIf(x -> x.party() != null && (PEOPLE_FROM.matcher(view.ls())
                            .region(Math.max(0, x.party().start() - 60), x.party().start()).find() || employerInBrackets(view, x.party())
                            || ADVISER_BEFORE.matcher(view.ls()).region(Math.max(0, x.party().start() - 45), x.party().start()).find()));
                }
            }
        }
        out.removeIf(in -> in.roles.isEmpty() && in.frame.kind() != Kind.ROUND);
        // a raise verb counts when it takes money or a round ("closed a $50 million round"), not "took stakes in"
        List<Instance> all = new ArrayList<>(out);
        out.removeIf(in -> in.frame.kind() == Kind.ROUND && isVerb(in.trigger) && in.get(Role.AMOUNT).isEmpty()
                && !objectIsRound(g, in, all) && !takesMoneyWord(g, in.trigger));
        out.removeIf(in -> in.frame.kind() == Kind.INVESTORS && isVerb(in.trigger) && in.frame.at(Position.OBJECT) == null
                && objectIsParty(g, in.trigger, items));
        out.removeIf(in -> in.frame.subjectIs() != null && !subjectIn(g, in.trigger, in.frame.subjectIs()));
        out.removeIf(in -> in.frame.needsAmount() && in.get(Role.AMOUNT).isEmpty());
        // "a $15 billion fund anchored by Mubadala": who leads an investor's fund leads no round
        out.removeIf(in -> in.frame.kind() == Kind.INVESTORS && isVerb(in.trigger) && describesFund(g, in.trigger));
        out.sort((x, y) -> Integer.compare(x.trigger.index(), y.trigger.index()));
        return out;
    }

    /**
     * Of several frames a word can open ("commit" to an investment or to spending, "back" a company or a round), the
     * ones whose positions take most of what hangs under the word; money committed to a cloud, a compute provider or
     * a chip seller is spending, to anyone else an investment.
     */
    private List<Frame> bestFrames(SemanticGraph g, IndexedWord trigger, List<Frame> candidates, List<Item> items) {
        int best = 0;
        List<Frame> out = new ArrayList<>();
        boolean figure = false;
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(trigger)) {
            Item it = itemAt(items, e.getDependent());
            figure |= it != null && it.money() != null;
        }
        List<Frame> possible = new ArrayList<>(candidates);
        if (!figure && possible.stream().anyMatch(f -> !f.needsAmount())) {
            // "A and B contributed to the round": with no figure, not the frame of giving money ("contributed $5m")
            possible.removeIf(Frame::needsAmount);
        }
        candidates = possible;
        for (Frame f : candidates) {
            int score = 0;
            for (SemanticGraphEdge e : g.outgoingEdgeIterable(trigger)) {
                Item it = itemAt(items, e.getDependent());
                if (it == null) {
                    continue;
                }
                String rel = e.getRelation().toString();
                Role r = roleAt(f, rel, it);
                if (r == null) {
                    continue;
                }
                score += 2;
                if (it.party() != null && (r == Role.PROVIDER || r == Role.INVESTEE)) {
                    boolean provider = providerScore(it.party(), null) >= 2;
                    score += (r == Role.PROVIDER) == provider ? 1 : -1;
                }
            }
            if (score > best) {
                best = score;
                out.clear();
            }
            if (score == best) {
                out.add(f);
            }
        }
        return best > 0 ? out : candidates;
    }

    /** The role a frame gives an item right under its trigger by relation {@code rel}, or null. */
    private static Role roleAt(Frame f, String rel, Item it) {
        Position pos = switch (rel) {
            case "nsubj", "nsubj:xsubj" -> Position.SUBJECT;
            case "nsubj:pass" -> Position.PASSIVE_SUBJECT;
            case "obj", "iobj" -> Position.OBJECT;
            case "obl:agent" -> Position.AGENT;
            case "nmod:poss" -> Position.POSSESSOR;
            default -> null;
        };
        Role r = pos == null ? null : f.at(pos);
        if (r != null && fits(f, r, it)) {
            return r;
        }
        if (rel.startsWith("obl:") || rel.startsWith("nmod:")) {
            for (Role c : f.cases().getOrDefault(rel.substring(rel.indexOf(':') + 1), List.of())) {
                if (fits(f, c, it)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static final Pattern PROVIDER_WORDS = Pattern.compile(
            "(?i)\\b(?:cloud|neocloud|compute|computing|infrastructure|data[- ]cent(?:er|re)|gpu|hosting|hyperscaler|chip|chipmaker|semiconductor)s?"
                    + "(?:\\s+(?:provider|firm|company|operator|specialist|giant|maker|supplier|startup))?\\s*$");

    /**
     * How surely a party is the paid side of a spend deal: a cloud or compute provider in the knowledge file (3), a
     * name the text calls a cloud or compute provider (3), a company that sells compute or chips among other things (1).
     */
    private int providerScore(Mentions.Mention m, Relations.View v) {
        Knowledge.Entity e = knowledge.entity(m.name());
        if (e != null && ("Cloud".equals(e.type()) || "provider".equals(e.kind()))) {
            return 3;
        }
        if (v != null && PROVIDER_WORDS.matcher(v.s().substring(Math.max(0, m.start() - 40), m.start())).find()) {
            return 3;
        }
        return e != null && e.isProvider() ? 2 : 0;
    }

    private static final Set<String> SLOT_RELATIONS = Set.of("nsubj", "nsubj:xsubj", "nsubj:pass", "obl:in", "obl:into", "nmod:in",
            "nmod:into", "obl:from", "nmod:from", "obl:by", "nmod:by", "obl:agent", "nmod:poss", "obl:for", "nmod:for", "obj");

    /**
     * A proper noun in a party's slot of a deal frame is a party, even when no list or model knew the name:
     * "X-energy today secured $700 million", "an investment in Li-Cycle", "J-Pharma has increased a round".
     */
    private void namesInSlots(SemanticGraph g, List<CoreLabel> tokens, Relations.View view, Map<IndexedWord, List<Frame>> triggers,
                              List<Item> items) {
        for (IndexedWord t : triggers.keySet()) {
            for (SemanticGraphEdge e : g.outgoingEdgeIterable(t)) {
                String rel = e.getRelation().toString();
                IndexedWord d = e.getDependent();
                if (!SLOT_RELATIONS.contains(rel) || d.tag() == null || itemAt(items, d) != null || insideParty(d, view)
                        || !d.tag().startsWith("NNP") && !describedAsCompany(g, d)) {
                    continue;
                }
                // the proper noun and the proper nouns compounded before it: "Morgan Stanley Tactical Value"
                int first = d.index();
                boolean known = false;
                for (SemanticGraphEdge c : g.outgoingEdgeIterable(d)) {
                    String cr = c.getRelation().toString();
                    IndexedWord w = c.getDependent();
                    known |= (cr.equals("compound") || cr.equals("flat")) && insideParty(w, view);
                    if ((cr.equals("compound") || cr.equals("flat")) && w.tag() != null && w.tag().startsWith("NNP") && w.index() < first) {
                        first = w.index();
                    }
                }
                if (known) {
                    continue; // "Alphabet Inc.": the rules' "Alphabet" is the name, "Inc." its legal form
                }
                int start = g.getNodeByIndexSafe(first) == null ? d.backingLabel().beginPosition()
                        : g.getNodeByIndexSafe(first).backingLabel().beginPosition();
                int end = d.backingLabel().endPosition();
                String name = view.s().substring(start, end).strip();
                if (name.length() < 2 || stopword(name) || NOT_A_PARTY.matcher(name).lookingAt() || name.chars().allMatch(ch -> Character.isUpperCase(ch) || !Character.isLetter(ch)) && name.length() > 5) {
                    continue; // "The", "BERLIN": no name
                }
                String type = Mentions.typeOfName(name, null);
                if (type == null) {
                    continue;
                }
                boolean poss = view.s().startsWith("'s", end) || view.s().startsWith("’s", end);
                items.add(new Item(d, new Mentions.Mention(start, end, name, type, Mentions.Source.MODEL, true, poss), null));
            }
        }
    }

    /** Words news puts before a company's name: "climate tech startup tozero", "robotics firm Figure". */
    private static final Set<String> COMPANY_NOUNS = Set.of("startup", "start-up", "company", "firm", "maker", "developer",
            "provider", "platform", "unicorn", "spinout", "spin-off", "lab", "outfit", "operator", "manufacturer", "producer");
    /**
     * Words for a company in general: "X-led" before one says who runs it ("the Manish Taneja-led firm"); as a raise
     * verb's subject they stand for a company not yet named ("A British start-up … has raised $130mln"). Wider than
     * {@link #COMPANY_NOUNS}, whose words also make the lower-case word after them a name ("lender rights" is none).
     */
    private static final Set<String> COMPANY_WORDS = java.util.stream.Stream.concat(COMPANY_NOUNS.stream(),
            java.util.stream.Stream.of("business", "brand", "lender", "insurer", "retailer", "supplier", "scaleup", "scale-up", "studio"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * "An Oxford University company … has won £4m", "a Sequoia portfolio company": after "a", a name before a word
     * for a company only says which company; the company itself is unnamed there.
     */
    private static boolean modifiesCompanyNoun(Relations.View v, Mentions.Mention m) {
        return A_BEFORE.matcher(v.ls()).region(Math.max(0, m.start() - 30), m.start()).find()
                && COMPANY_NOUN_AFTER.matcher(v.ls()).region(m.end(), v.ls().length()).lookingAt();
    }

    private static final Pattern A_BEFORE = Pattern.compile("(?:^|\\s)(?:an?|another)\\s+(?:[a-z]+-backed\\s+)?$");
    /** "an Oxford University company", "another Google-backed OpenAI rival, Cohere": the head noun is the party. */
    private static final Pattern COMPANY_NOUN_AFTER = Pattern.compile("\\s+(?:portfolio\\s+|[a-z]+-backed\\s+)?(?:"
            + String.join("|", COMPANY_WORDS) + "|rival|competitor|challenger|alternative|peer)\\b");

    /** A lower-case name after a word for a company: "startup tozero" (the name, not the word, heads the phrase). */
    private static boolean describedAsCompany(SemanticGraph g, IndexedWord d) {
        if (d.word() == null || d.word().isEmpty() || !Character.isLetterOrDigit(d.word().charAt(0)) || COMPANY_NOUNS.contains(lemma(d))) {
            return false;
        }
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(d)) {
            if (e.getRelation().toString().equals("compound") && COMPANY_NOUNS.contains(lemma(e.getDependent()))
                    && e.getDependent().index() == d.index() - 1) {
                return true;
            }
        }
        return false;
    }

    private boolean stopword(String name) {
        return !name.contains(" ") && stopwords.contains(name);
    }

    /** Words a figure can hang under that make it no deal's size: "valued at $2 billion", "revenue of $40 million". */
    private static final Set<String> NOT_DEAL = Set.of("value", "valuation", "worth", "revenue", "sale", "sales", "cost",
            "price", "market", "loss", "profit", "income", "earnings", "debt", "loan", "credit", "salary", "budget", "fee",
            "turnover", "capitalization", "capitalisation", "cap", "estimate", "forecast", "expenditure", "tax",
            "bond", "note", "grant", "subsidy", "charge", "impairment", "writedown", "write-down", "fine", "penalty", "settlement",
            "dividend", "buyback", "payout");
    /** Nouns of commercial deals: their figure is what is bought, a spend commitment's and never an investment's. */
    private static final Set<String> COMMERCIAL = Set.of("contract", "order", "purchase", "lease", "commitment", "pact",
            "offtake", "supply", "agreement", "deal", "engagement", "spending", "spend");

    /** A figure under a commercial noun: "a $14 billion contract", "a deal valued at $17.4 billion". */
    private static boolean commercialNoun(SemanticGraph g, IndexedWord money) {
        IndexedWord node = money;
        for (int hop = 0; hop < 3; hop++) {
            IndexedWord up = parent(g, node);
            if (up == null) {
                return false;
            }
            String l = lemma(up);
            if (COMMERCIAL.contains(l) && !"deal".equals(l) && !equityCommitment(g, up)) {
                return true;
            }
            if (!isMoney(up) && !isNumber(up) && !"value".equals(l) && !"worth".equals(l)) {
                return false;
            }
            node = up;
        }
        return false;
    }

    private static final Pattern COMMERCIAL_AFTER = Pattern.compile(
            "^[\\s,]*(?:[\\w-]+\\s+){0,2}?(?:contract|order|purchase|lease|" + Relations.SPEND_COMMITMENT + "|pact|agreement|supply|offtake|"
                    + "deal(?!\\s+(?:to invest|for a stake)))\\b", Pattern.CASE_INSENSITIVE);

    /** "a $340 million, four-year contract": a figure whose noun is a commercial contract. */
    private static boolean commercial(Relations.View v, Money.Amount m) {
        String before = v.ls().substring(Math.max(0, m.start() - 25), m.start());
        return !before.contains("invest") && !before.contains("fund") && COMMERCIAL_AFTER.matcher(v.s().substring(m.end())).lookingAt();
    }

    private static boolean notADeal(SemanticGraph g, IndexedWord money) {
        IndexedWord node = money;
        for (int hop = 0; hop < 3; hop++) {
            IndexedWord up = parent(g, node);
            if (up == null) {
                return false;
            }
            if (NOT_DEAL.contains(lemma(up))) {
                IndexedWord above = parent(g, up);
                // "a deal valued at $17.4 billion", "a contract worth $14 billion": what the deal is worth
                return !("value".equals(lemma(up)) || "worth".equals(lemma(up))) || above == null || !COMMERCIAL.contains(lemma(above));
            }
            if (!isMoney(up) && !isNumber(up) && !"at".equals(lemma(up))) {
                return false;
            }
            node = up;
        }
        return false;
    }

    private static boolean insideParty(IndexedWord w, Relations.View view) {
        return insideParty(w.backingLabel().beginPosition(), view);
    }

    private static boolean insideParty(int b, Relations.View view) {
        for (Mentions.Mention m : view.mentions()) {
            if (m.isParty() && m.source() != Mentions.Source.COREF && b >= m.start() && b < m.end()) {
                return true;
            }
        }
        return false;
    }

    /** "Intel, AMD and Sound Ventures also participated": the conjuncts of a name with a role take the same role. */
    private static void inheritFromConjuncts(SemanticGraph g, List<Item> items, Map<String, Instance> instances) {
        for (int pass = 0; pass < 2; pass++) {
            for (Instance in : new ArrayList<>(instances.values())) {
                for (Map.Entry<Role, List<Item>> e : new ArrayList<>(in.roles.entrySet())) {
                    for (Item holder : new ArrayList<>(e.getValue())) {
                        if (holder.party() == null) {
                            continue;
                        }
                        for (Item it : items) {
                            if (it.party() == null || it == holder) {
                                continue;
                            }
                            if (conjoined(g, holder.head(), it.head()) && !gapped(g, it, items)) {
                                in.add(e.getKey(), it);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * "Microsoft will invest up to $5 billion in Anthropic and Nvidia up to $10 billion": the second clause has lost
     * its verb and investee; the name with a figure of its own after the first clause invests that figure in the
     * same investee.
     */
    private static List<Instance> gapped(SemanticGraph g, List<Item> items, List<Instance> instances) {
        List<Instance> out = new ArrayList<>();
        for (Instance in : instances) {
            if (in.frame.kind() != Kind.DIRECT || !isVerb(in.trigger) || in.get(Role.INVESTOR).size() != 1 || in.get(Role.AMOUNT).isEmpty()) {
                continue;
            }
            Item investor = in.get(Role.INVESTOR).get(0);
            for (Item c : items) {
                if (c.party() == null || c == investor || !gapped(g, c, items)
                        || c.party().start() < in.trigger.backingLabel().endPosition()) {
                    continue;
                }
                Item figure = null;
                for (Item m : items) {
                    if (m.money() != null && m.money().start() >= c.party().end() && m.money().start() - c.party().end() <= 12
                            && (figure == null || m.money().start() < figure.money().start())) {
                        figure = m;
                    }
                }
                List<Item> investees = new ArrayList<>(in.get(Role.INVESTEE));
                investees.remove(c);
                if (figure == null) {
                    continue; // with no investee here, the sentence's round or the one told before has it
                }
                in.roles.getOrDefault(Role.INVESTEE, new ArrayList<>()).remove(c);
                if (in.get(Role.AMOUNT).size() > 1) {
                    in.roles.get(Role.AMOUNT).remove(figure); // the second clause's figure is not the first's
                }
                Instance second = new Instance(in.trigger, in.frame);
                second.add(Role.INVESTOR, c);
                investees.forEach(x -> second.add(Role.INVESTEE, x));
                second.add(Role.AMOUNT, figure);
                out.add(second);
            }
        }
        return out;
    }

    /** "…in Anthropic and Nvidia up to $10 billion": a name with a figure right after it heads a clause of its own. */
    private static boolean gapped(SemanticGraph g, Item it, List<Item> items) {
        for (Item x : items) {
            // a figure's span starts at its qualifier ("up to $10 billion"), so only spaces stand between
            if (x.money() != null && x.money().start() >= it.party().end() && x.money().start() - it.party().end() <= 2) {
                return true;
            }
        }
        return false;
    }

    private static boolean conjoined(SemanticGraph g, IndexedWord a, IndexedWord b) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(a)) {
            if (e.getDependent().equals(b) && e.getRelation().toString().startsWith("conj")) {
                return true;
            }
        }
        for (SemanticGraphEdge e : g.incomingEdgeIterable(a)) {
            if (e.getGovernor().equals(b) && e.getRelation().toString().startsWith("conj")) {
                return true;
            }
        }
        return false;
    }

    private List<Frame> framesOf(SemanticGraph g, IndexedWord w) {
        boolean roundWord = seriesLetter(g, w) || equityCommitment(g, w);
        String lemma = roundWord ? "round" : lemma(w);
        String word = roundWord ? "round" : w.word() == null ? "" : w.word().toLowerCase(Locale.ROOT);
        if (word.endsWith("led") && ledCompany(g, w)) {
            return List.of(); // "the Flaguni Nayar-led firm": who runs a company, no round's lead
        }
        List<Frame> out = new ArrayList<>(1);
        List<Frame> byPhrase = new ArrayList<>(1);
        for (Frame f : frames.frames) {
            boolean phrase = isVerb(w) && phrase(g, w, lemma, f.verbs());
            if (phrase) {
                byPhrase.add(f);
            }
            if (isVerb(w) && (f.verbs().contains(lemma) || f.verbs().contains(word) || phrase)
                    || isNoun(w) && (f.nouns().contains(lemma) || f.nouns().contains(word))) {
                out.add(f);
            }
        }
        // "took part in a round" is the phrase's frame (participate), not the bare verb's ("take" $5 million)
        if (!byPhrase.isEmpty()) {
            out.retainAll(byPhrase);
        }
        return out;
    }

    private static final Pattern TO_LAUNCH = Pattern.compile(
            "\\bto\\s+(?:launch|start|found|build|create|set\\s+up)\\s+(?:a\\s+|an\\s+|the\\s+|their\\s+|his\\s+|her\\s+)?(?:new\\s+)?"
                    + "(?:[\\w-]+\\s+)?(?:studio|startup|start-up|company|venture|firm|business|lab|bank|brand)\\s*,?\\s*(?:called\\s+|named\\s+)?$");

    /** The company named right after "to launch (a) new studio/startup/company", or null. */
    private static Mentions.Mention launchedCompany(Relations.View v) {
        if (!v.ls().contains("to ")) {
            return null;
        }
        for (Mentions.Mention m : v.mentions()) {
            if (m.isOrg() && m.source() != Mentions.Source.COREF
                    && TO_LAUNCH.matcher(v.ls()).region(Math.max(0, m.start() - 70), m.start()).find()) {
                return m;
            }
        }
        return null;
    }

    /** The organisation a sentence opens with, when a lower-case word follows it and it is none of the listed investors. */
    private static Mentions.Mention openingRaiser(Relations.View v, List<ListedInvestor> listed) {
        for (Mentions.Mention m : v.mentions()) {
            if (m.start() > 2) {
                return null;
            }
            boolean investor = listed.stream().anyMatch(l -> l.item().party().name().equals(m.name()));
            if (m.isOrg() && !investor && m.source() != Mentions.Source.COREF && LOWER_WORD_NEXT.matcher(v.s()).region(m.end(), v.s().length()).lookingAt()) {
                return m;
            }
        }
        return null;
    }

    private static final Pattern LOWER_WORD_NEXT = Pattern.compile("\\s+\\p{Ll}");

    /** The verb's subject is a company noun with no name in it: "A British start-up building rockets has raised". */
    private static boolean companyNounSubject(SemanticGraph g, Relations.View v, IndexedWord verb) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(verb)) {
            if (e.getRelation().toString().startsWith("nsubj") && COMPANY_WORDS.contains(lemma(e.getDependent()))) {
                return true;
            }
        }
        // the parse may make a word of the description the subject ("start-up building … technology … has raised")
        Matcher opening = COMPANY_NOUN_OPENING.matcher(v.s());
        int at = verb.backingLabel().beginPosition();
        if (!opening.lookingAt() || opening.end() > at) {
            return false;
        }
        return v.mentions().stream().noneMatch(m -> m.start() < opening.end());
    }

    /** "A British start-up", "The Lagos-based fintech": a sentence that opens with a company word and no name. */
    private static final Pattern COMPANY_NOUN_OPENING = Pattern.compile("^(?:A|An|The|This)\\s+(?:[\\w’'-]+\\s+){0,3}?(?:"
            + String.join("|", COMPANY_WORDS) + ")s?\\b", Pattern.CASE_INSENSITIVE);

    /** Bodies that someone "leads" without a round: "the Modi-led government", "a Saudi-led coalition". */
    private static final Set<String> RUN_ONLY_NOUNS = Set.of("government", "administration", "coalition", "team", "group",
            "operation", "operations", "division", "unit", "department");
    /** "The new company will be headed by …", "the design team is led by": a company or body, not a round, is led by its people. */
    private static final Pattern COMPANY_WORD_IS = Pattern.compile("(?:\\b(?:" + String.join("|", COMPANY_WORDS) + "|"
            + String.join("|", RUN_ONLY_NOUNS) + ")\\s+(?:is|are|will\\s+be|would\\s+be)\\s+(?:now\\s+|currently\\s+|also\\s+|jointly\\s+)?|"
            // "The company, led by Ola executives Anand Shah and Ankit Jain, has…", "The four-year-old company, led by
            // Cao Xudong": the company is what is led
            + "\\bthe\\s+(?:[\\w-]+\\s+){0,2}(?:" + String.join("|", COMPANY_WORDS) + "),\\s+)$");

    /** "the Manish Taneja-led firm": the participle "led" describes a company noun, so it names who runs that company. */
    private static boolean ledCompany(SemanticGraph g, IndexedWord w) {
        for (SemanticGraphEdge e : g.incomingEdgeIterable(w)) {
            String rel = e.getRelation().toString();
            if ((rel.equals("amod") || rel.startsWith("acl") || rel.equals("compound")) && (COMPANY_WORDS.contains(lemma(e.getGovernor())) || RUN_ONLY_NOUNS.contains(lemma(e.getGovernor())))) {
                return true;
            }
        }
        return false;
    }

    /** Names before a trigger, nearest first: "Fintech startup Brightwell raised" is Brightwell's raise. */
    private static List<Item> closestFirst(List<Item> items, IndexedWord trigger) {
        List<Item> out = new ArrayList<>(items);
        int at = trigger.backingLabel().beginPosition();
        out.sort((x, y) -> Integer.compare(distance(x, at), distance(y, at)));
        return out;
    }

    private static int distance(Item x, int at) {
        int s = x.party().start();
        return s < at ? at - s : 1000 + s - at;
    }

    /** "Nvidia will purchase CoreWeave's unsold capacity": the owner of what a customer buys is its provider. */
    private static void objectOwners(SemanticGraph g, List<Item> items, Map<String, Instance> instances) {
        for (Instance in : instances.values()) {
            if (in.frame.kind() != Kind.SPEND || !isVerb(in.trigger) || !in.get(Role.PROVIDER).isEmpty()
                    || in.frame.at(Position.SUBJECT) != Role.CUSTOMER) {
                continue;
            }
            for (SemanticGraphEdge e : g.outgoingEdgeIterable(in.trigger)) {
                if (!e.getRelation().toString().equals("obj")) {
                    continue;
                }
                // "CoreWeave's capacity", and "any of CoreWeave's capacity"
                List<IndexedWord> things = new ArrayList<>(List.of(e.getDependent()));
                for (SemanticGraphEdge of : g.outgoingEdgeIterable(e.getDependent())) {
                    if (of.getRelation().toString().equals("nmod:of")) {
                        things.add(of.getDependent());
                    }
                }
                for (IndexedWord thing : things) {
                    for (SemanticGraphEdge p : g.outgoingEdgeIterable(thing)) {
                        Item owner = itemAt(items, p.getDependent());
                        if (p.getRelation().toString().equals("nmod:poss") && owner != null && owner.party() != null) {
                            in.add(Role.PROVIDER, owner);
                        }
                    }
                }
            }
        }
    }

    /** "CarDekho's $70 million Series D": the parse heads the round by its letter; it is the round word. */
    /**
     * "secured an initial equity commitment of up to USD 200 million from Stonepeak": a commitment of equity or
     * capital is money put into the company, a round's word, not a contract to buy services.
     */
    private static boolean equityCommitment(SemanticGraph g, IndexedWord w) {
        if (w.word() == null || !w.word().toLowerCase(Locale.ROOT).startsWith("commitment")) {
            return false;
        }
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
            String rel = e.getRelation().toString();
            if ((rel.equals("compound") || rel.equals("amod")) && Relations.EQUITY_WORDS.contains(e.getDependent().word().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean seriesLetter(SemanticGraph g, IndexedWord w) {
        if (w.word() == null || !w.word().matches("[A-K]\\d?\\+?")) {
            return false;
        }
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
            if (e.getDependent().word().equalsIgnoreCase("series")) {
                return true;
            }
        }
        return false;
    }

    /** "took part", "brought in", "chipped in": a verb and a word under it, listed as "take part". */
    private static boolean phrase(SemanticGraph g, IndexedWord w, String lemma, Set<String> verbs) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
            String second = e.getDependent().word().toLowerCase(Locale.ROOT);
            // the verb's particle, or the word right after it: in "took part in a round" the "in" is no "take in"
            boolean close = e.getRelation().toString().startsWith("compound:prt") || e.getDependent().index() == w.index() + 1;
            if (close && verbs.contains(lemma + " " + second)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVerb(IndexedWord w) {
        String t = w.tag();
        return t != null && (t.startsWith("VB") || t.equals("JJ") && w.word().endsWith("ed"));
    }

    private static boolean isNoun(IndexedWord w) {
        String t = w.tag();
        return t != null && (t.startsWith("NN") || w.word() != null && w.word().matches("[A-K]\\d?\\+?"));
    }

    private static String lemma(IndexedWord w) {
        String l = w.lemma();
        return (l == null ? w.word() : l).toLowerCase(Locale.ROOT);
    }

    /** The node that heads the tokens within [start, end): the one whose governors all lie outside. */
    private static IndexedWord head(SemanticGraph g, List<CoreLabel> tokens, int start, int end) {
        IndexedWord best = null;
        for (CoreLabel t : tokens) {
            if (t.beginPosition() >= end || t.endPosition() <= start) {
                continue;
            }
            IndexedWord w = g.getNodeByIndexSafe(t.index());
            if (w == null) {
                continue;
            }
            boolean inside = false;
            for (SemanticGraphEdge e : g.incomingEdgeIterable(w)) {
                CoreLabel gov = e.getGovernor().backingLabel();
                if (gov.beginPosition() >= start && gov.endPosition() <= end && !e.getGovernor().equals(w)) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                best = w; // the last outward-facing token: "Lightspeed Venture Partners" → Partners
            }
        }
        return best;
    }

    /**
     * "Visa …, participating in a funding round in Workpay": a participle's subject is its clause's. So is a gerund's
     * that is the object of its clause's verb: "Zhipu has announced raising 2.5 billion yuan".
     */
    private static void subjectsFromAbove(SemanticGraph g, List<Item> items, Map<String, Instance> instances) {
        for (Instance in : instances.values()) {
            Role subject = in.frame.at(Position.SUBJECT);
            if (subject == null || !isVerb(in.trigger) || !in.get(subject).isEmpty() || in.frame.subjectIs() != null) {
                continue;
            }
            for (SemanticGraphEdge up : g.incomingEdgeIterable(in.trigger)) {
                String rel = up.getRelation().toString();
                boolean gerundObject = rel.equals("obj") && "VBG".equals(in.trigger.tag());
                if (!rel.startsWith("advcl") && !rel.startsWith("xcomp") && !rel.startsWith("conj") && !gerundObject) {
                    continue;
                }
                for (SemanticGraphEdge e : g.outgoingEdgeIterable(up.getGovernor())) {
                    if (e.getRelation().toString().equals("nsubj")) {
                        Item it = itemAt(items, e.getDependent());
                        if (it != null && it.party() != null) {
                            in.add(subject, it);
                        }
                    }
                }
            }
        }
    }

    private static final Pattern SUBJECT_GAP = Pattern.compile(
            "^[\\s,]*(?:(?:has|have|had|is|are|was|were|will|would|also|just|recently|now|reportedly|already|today|finally|"
                    + "successfully|which|that|who|said it|says it|said|says)\\s+)*$", Pattern.CASE_INSENSITIVE);

    /**
     * "🇺🇸 Catering tech startup HUNGRY closes $10m Series C1": in a newsletter's rows the tagger may read the verb as a
     * noun, and the round its figure opens has no raiser. The name right before a raise verb right before the figure
     * is the raiser.
     */
    private void raisersBeforeVerbAndFigure(Relations.View view, List<Item> items, Map<String, Instance> instances) {
        Item raiser = raiserBeforeVerbAndFigure(view, items);
        if (raiser == null) {
            return;
        }
        for (Instance in : instances.values()) {
            boolean taken = false;
            for (List<Item> l : in.roles.values()) {
                taken |= l.contains(raiser);
            }
            if ((in.frame.kind() == Kind.ROUND || in.frame.kind() == Kind.INVESTORS) && in.get(Role.INVESTEE).isEmpty() && !taken) {
                in.add(Role.INVESTEE, raiser);
            }
        }
    }

    private Item raiserBeforeVerbAndFigure(Relations.View view, List<Item> items) {
        for (Money.Amount figure : view.money()) {
            for (Item it : items) {
                if (it.party() != null && it.party().isOrg() && it.party().end() < figure.start()) {
                    Matcher gap = VERB_BEFORE_FIGURE.matcher(view.s()).region(it.party().end(), figure.start());
                    if (gap.matches() && raiseVerbForms.contains(gap.group(1).toLowerCase(Locale.ROOT))) {
                        return it;
                    }
                }
            }
        }
        return null;
    }

    private static final Pattern VERB_BEFORE_FIGURE = Pattern.compile("\\s+(\\p{L}+)\\s+(?:[A-Z]{0,3}[$€£¥₹]|Rs\\.?\\s?)?");

    /**
     * A raise or invest verb whose subject the parse lost (long openings throw the parser) takes the name right before
     * it: "…, Tokyo-based startup Sakana AI has secured $135 million".
     */
    private static void subjectsBefore(Relations.View view, List<Item> items, Map<String, Instance> instances) {
        for (Instance in : instances.values()) {
            Role subject = in.frame.at(Position.SUBJECT);
            if (subject == null || !isVerb(in.trigger) || !in.get(subject).isEmpty() || in.frame.subjectIs() != null) {
                continue;
            }
            int at = in.trigger.backingLabel().beginPosition();
            Item best = null;
            for (Item it : items) {
                if (it.party() != null && it.party().end() <= at && (best == null || it.party().end() > best.party().end())) {
                    best = it;
                }
            }
            if (best != null && SUBJECT_GAP.matcher(view.s().substring(best.party().end(), at)).matches()) {
                boolean taken = false;
                for (Instance other : instances.values()) {
                    for (List<Item> l : other.roles.values()) {
                        taken |= l.contains(best);
                    }
                }
                if (!taken) {
                    in.add(subject, best);
                }
            }
        }
    }

    private static final Pattern PRICE_BEFORE = Pattern.compile("(?i)\\b(?:for|worth|totalling|totaling|amounting to|valued at|value of)\\s+(?:about\\s+|around\\s+|roughly\\s+|nearly\\s+|some\\s+)?$");

    /**
     * A raise or invest verb whose figure the parse hung elsewhere takes the figure right after it ("secured a
     * massive $1.05 billion"); a stake or investment bought "for" a figure later in the clause takes that figure.
     */
    private static void amountsAfter(Relations.View view, List<Item> items, Map<String, Instance> instances) {
        for (Instance in : instances.values()) {
            if (in.frame.governors() != null && isNoun(in.trigger) && in.get(Role.AMOUNT).isEmpty()) {
                int at = in.trigger.backingLabel().endPosition();
                for (Item it : items) {
                    if (it.money() != null && fits(in.frame, Role.AMOUNT, it) && it.money().start() >= at && it.money().start() - at <= 60
                            && PRICE_BEFORE.matcher(view.s().substring(at, it.money().start())).find()
                            && !view.s().substring(at, it.money().start()).contains(",")) {
                        in.add(Role.AMOUNT, it);
                        break;
                    }
                }
            }
            if (in.frame.at(Position.OBJECT) != Role.AMOUNT || !isVerb(in.trigger) || !in.get(Role.AMOUNT).isEmpty()) {
                continue;
            }
            int at = in.trigger.backingLabel().endPosition();
            for (Item it : items) {
                if (it.money() != null && fits(in.frame, Role.AMOUNT, it) && it.money().start() >= at && it.money().start() - at <= 30) {
                    String gap = view.s().substring(at, it.money().start());
                    if (!gap.contains(",") && !gap.contains(";") && !gap.contains(" and ")) {
                        in.add(Role.AMOUNT, it);
                    }
                    break;
                }
            }
        }
    }

    /**
     * "Nebius, a Yandex spin-off backed by Nvidia": the noun a participle modifies (or the name that noun stands
     * beside) fills the frame's {@code modifies} role.
     */
    private static void modified(SemanticGraph g, List<Item> items, Map<IndexedWord, List<Frame>> triggers,
                                 Map<String, Instance> instances) {
        for (Map.Entry<IndexedWord, List<Frame>> e : triggers.entrySet()) {
            for (Frame f : e.getValue()) {
                Role r = f.at(Position.MODIFIES);
                if (r == null) {
                    continue;
                }
                for (SemanticGraphEdge in : g.incomingEdgeIterable(e.getKey())) {
                    String rel = in.getRelation().toString();
                    if (!rel.startsWith("acl") && !rel.equals("amod")) {
                        continue;
                    }
                    Item target = itemAt(items, in.getGovernor());
                    if (target == null) {
                        for (SemanticGraphEdge ap : g.incomingEdgeIterable(in.getGovernor())) {
                            if (ap.getRelation().toString().equals("appos")) {
                                target = itemAt(items, ap.getGovernor());
                            }
                        }
                    }
                    if (target != null && target.party() != null) {
                        instance(instances, e.getKey(), f).add(r, target);
                    }
                }
            }
        }
    }

    /** "Other investors in the round include A": the frame's subject must be one of these words. */
    private static boolean subjectIn(SemanticGraph g, IndexedWord verb, Set<String> words) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(verb)) {
            String rel = e.getRelation().toString();
            if ((rel.startsWith("nsubj") || rel.equals("expl")) && words.contains(lemma(e.getDependent()))) {
                return true;
            }
        }
        return false;
    }

    /** "Lacroix joined Meta", "Visa backs Kenya's startups": an object that is a party, not a round. */
    private static boolean objectIsParty(SemanticGraph g, IndexedWord verb, List<Item> items) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(verb)) {
            if (e.getRelation().toString().equals("obj")) {
                Item it = itemAt(items, e.getDependent());
                if (it != null && it.party() != null || "board".equals(lemma(e.getDependent()))
                        || "team".equals(lemma(e.getDependent())) || "company".equals(lemma(e.getDependent()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Item itemAt(List<Item> items, IndexedWord w) {
        for (Item it : items) {
            if (it.head().equals(w)) {
                return it;
            }
        }
        return null;
    }

    /**
     * Relations a name passes through on its way up: "investors including A", "a group of investors", "funds A and
     * B", "firm A". "Of" only after a word that carries names ("a group of", not "the CEO of").
     */
    private static boolean passThrough(String rel, IndexedWord governor) {
        return switch (rel) {
            case "nmod:including", "nmod:such_as", "nmod:like", "nmod:among", "appos", "compound", "dep", "nmod:include",
                 "obl:including", "obl:such_as", "obl:like" -> true;
            case "nmod:of" -> CARRIERS.contains(lemma(governor));
            case "nmod:poss" -> ARMS.contains(lemma(governor)); // "Samsung's investment group": Samsung invests
            default -> false;
        };
    }

    /** Gives an item its role under the nearest trigger above it. */
    private void attach(SemanticGraph g, Item it, Map<IndexedWord, List<Frame>> triggers, Map<String, Instance> instances) {
        for (SemanticGraphEdge e : g.incomingEdgeIterable(it.head())) {
            String rel = e.getRelation().toString();
            if (rel.startsWith("conj") || rel.equals("ref") || rel.equals("punct")) {
                continue;
            }
            IndexedWord gov = e.getGovernor();
            List<Frame> fs = triggers.get(gov);
            if (rel.equals("nmod:poss") && ARMS.contains(lemma(gov)) && namedArm(g, gov, it)) {
                continue; // "Halden's venture capital arm Arlo Growth": the arm, with a name of its own, is the party
            }
            rel = lostCase(g, gov, it, rel);
            if (rel.equals("dep") && inAsideAfter(g, gov, it)) {
                continue; // "led by Baillie Gifford (which previously backed SpaceX) and B": the aside's name leads nothing
            }
            boolean through = passThrough(rel, gov);
            // a name in a list under a deal word takes its role from what that word is to the frame above it
            // ("led by investors including A": A leads), and only then from the word itself
            if (through && climb(g, it, gov, rel, triggers, instances)) {
                return;
            }
            if (fs != null && assign(fs, gov, rel, it, instances, true)) {
                return;
            }
            if (!through && climb(g, it, gov, rel, triggers, instances)) {
                return;
            }
        }
    }


    private static boolean describesFund(SemanticGraph g, IndexedWord verb) {
        for (SemanticGraphEdge e : g.incomingEdgeIterable(verb)) {
            if (e.getRelation().toString().startsWith("acl") && FUND_NOUNS.contains(lemma(e.getGovernor()))) {
                return true;
            }
        }
        return false;
    }

    /** The item stands in brackets that open after its governor, with a clause in them: "A (which previously backed B)". */
    private static boolean inAsideAfter(SemanticGraph g, IndexedWord gov, Item it) {
        if (it.party() == null || it.head().index() <= gov.index()) {
            return false;
        }
        int open = -1;
        for (int k = gov.index() + 1; k < it.head().index(); k++) {
            IndexedWord w = g.getNodeByIndexSafe(k);
            if (w == null) {
                continue; // punctuation the graph left out
            }
            if ("(".equals(w.word()) || "-LRB-".equals(w.word())) {
                open = k;
            } else if (")".equals(w.word()) || "-RRB-".equals(w.word())) {
                open = -1;
            }
        }
        if (open < 0) {
            return false;
        }
        IndexedWord next = g.getNodeByIndexSafe(open + 1);
        return next != null && next.word() != null && Set.of("which", "who", "that", "whose").contains(next.word().toLowerCase(Locale.ROOT));
    }

    /**
     * "led a $21 million round for Taiwan AI and analytics startup iKala": lost in the conjunction of the descriptors,
     * the parser hangs the name off the round word as a bare {@code dep}. A name that ends a phrase introduced by a
     * preposition of the same word, after a lower-case descriptor, takes that preposition's relation.
     */
    private static String lostCase(SemanticGraph g, IndexedWord gov, Item it, String rel) {
        if (!rel.equals("dep") || it.party() == null || it.money() != null || it.head().index() <= gov.index()) {
            return rel;
        }
        String kase = null;
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(gov)) {
            String r = e.getRelation().toString();
            int d = e.getDependent().index();
            if ((r.startsWith("nmod:") || r.startsWith("obl:")) && !r.equals("nmod:poss") && d > gov.index() && d < it.head().index()) {
                kase = r;
            }
        }
        if (kase == null) {
            return rel;
        }
        IndexedWord before = null;
        for (IndexedWord w : g.vertexSet()) {
            if (w.endPosition() <= it.party().start() && (before == null || w.endPosition() > before.endPosition())) {
                before = w;
            }
        }
        boolean descriptor = before != null && before.word() != null && !before.word().isEmpty()
                && Character.isLowerCase(before.word().charAt(0)) && before.tag() != null
                && (before.tag().startsWith("NN") || before.tag().equals("JJ")); // "startup" is often tagged JJ
        return descriptor ? kase : rel;
    }

    /** "Google's venture arm GV": the arm has a name of its own, which is the investor. */
    private boolean namedArm(SemanticGraph g, IndexedWord arm, Item owner) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(arm)) {
            String rel = e.getRelation().toString();
            IndexedWord d = e.getDependent();
            if ((rel.equals("appos") || rel.equals("compound") || rel.equals("flat") || rel.equals("dep")) && !d.equals(owner.head())
                    && d.tag() != null && d.tag().startsWith("NNP")) {
                return true;
            }
        }
        for (SemanticGraphEdge e : g.incomingEdgeIterable(arm)) {
            String rel = e.getRelation().toString();
            if ((rel.equals("appos") || rel.equals("compound")) && e.getGovernor().tag() != null && e.getGovernor().tag().startsWith("NNP")) {
                return true;
            }
        }
        return false;
    }

    /** Climbs through figures, round words and carrier nouns to the frame above; see {@link #passThrough}. */
    private boolean climb(SemanticGraph g, Item it, IndexedWord gov, String rel, Map<IndexedWord, List<Frame>> triggers,
                          Map<String, Instance> instances) {
        IndexedWord node = gov;
        String effective = rel;
        boolean direct = passThrough(rel, gov) && rel.equals("appos");
        for (int hop = 0; hop < 4 && node != null; hop++) {
            SemanticGraphEdge upEdge = parentEdge(g, node);
            if (upEdge == null) {
                return false;
            }
            IndexedWord up = upEdge.getGovernor();
            if (hop == 0 && isVerb(node) && !triggers.containsKey(node) && !passThrough(effective, node)) {
                // "led a round in Lemonade, the company founded by A and B": A is the founder, whatever the parse
                // hangs "founded" on; a name keeps the role it has under its own verb, not the frame's
                return false;
            }
            if (passThrough(effective, node)) {
                effective = upEdge.getRelation().toString();
                direct = true;
            } else if (direct && !isNoun(node)) {
                direct = false;
            }
            List<Frame> upFrames = triggers.get(up);
            if (upFrames != null) {
                if (assign(upFrames, up, effective, it, instances, direct && !(isMoney(node) || isNumber(node)))) {
                    return true;
                }
                if (!passThrough(effective, up)) {
                    return false;
                }
            }
            // "invest £500 million (approximately $683 million) in Nscale": the parser may hang the bracket's figure,
            // and what follows it, on the opening bracket
            if (!(isNoun(node) && CARRIERS.contains(lemma(node))) && !isMoney(node) && !isNumber(node) && !isBracket(node)
                    && !passThrough(upEdge.getRelation().toString(), up)) {
                return false;
            }
            node = up;
        }
        return false;
    }

    private static SemanticGraphEdge parentEdge(SemanticGraph g, IndexedWord w) {
        for (SemanticGraphEdge e : g.incomingEdgeIterable(w)) {
            String rel = e.getRelation().toString();
            if (rel.startsWith("conj") || rel.equals("ref")) {
                continue;
            }
            return e;
        }
        return null;
    }

    private static boolean isBracket(IndexedWord w) {
        return "(".equals(w.word()) || "-LRB-".equals(w.tag());
    }

    private static boolean isMoney(IndexedWord w) {
        String t = w.tag();
        return "$".equals(t) || "CD".equals(t) || w.word().matches("[$€£¥₹]|US\\$|USD|EUR|GBP");
    }

    private static final Set<String> ROUND_NOUNS = Set.of("round", "funding", "financing", "fundraise", "fundraising");

    private static boolean isNumber(IndexedWord w) {
        return "CD".equals(w.tag());
    }

    private static IndexedWord parent(SemanticGraph g, IndexedWord w) {
        IndexedWord best = null;
        for (SemanticGraphEdge e : g.incomingEdgeIterable(w)) {
            String rel = e.getRelation().toString();
            if (rel.startsWith("conj") || rel.equals("ref")) {
                continue;
            }
            best = e.getGovernor();
            break;
        }
        return best;
    }

    /**
     * The role for an item reached from {@code trigger} by relation {@code rel}; {@code direct} when the item hangs
     * right under the trigger (then subject and object positions count), else only its preposition does.
     */
    private boolean assign(List<Frame> fs, IndexedWord trigger, String rel, Item it, Map<String, Instance> instances, boolean direct) {
        Position pos = null;
        String kase = null;
        if (rel.startsWith("obl:") || rel.startsWith("nmod:")) {
            kase = rel.substring(rel.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            if (kase.equals("agent")) {
                pos = Position.AGENT;
                kase = "by";
            } else if (kase.equals("poss")) {
                if (!direct) {
                    return false; // "the investment in Altman's rival": Altman owns the rival, not the investment
                }
                pos = Position.POSSESSOR;
                kase = null;
            } else if (kase.equals("tmod") || kase.equals("npmod")) {
                return false;
            }
        } else if (direct) {
            switch (rel) {
                case "nsubj", "nsubj:xsubj", "csubj" -> pos = Position.SUBJECT;
                case "nsubj:pass", "nsubj:pass:xsubj" -> pos = Position.PASSIVE_SUBJECT;
                case "obj", "iobj", "dobj" -> pos = Position.OBJECT;
                case "appos" -> pos = Position.APPOSITION;
                case "nummod", "compound", "amod", "dep", "advcl", "obl" -> pos = it.money() != null ? Position.OBJECT
                        : rel.equals("obl") ? Position.AGENT
                        // "new Anthropic funding", "the OpenAI round": the name on a round noun is the raiser's
                        // (not "INTC venture capital arm": only the words that always mean a round)
                        : rel.equals("compound") && it.party() != null && it.party().isOrg() && isNoun(trigger)
                        && ROUND_NOUNS.contains(lemma(trigger)) && fs.stream().anyMatch(f -> f.kind() == Kind.ROUND)
                        ? Position.POSSESSOR : null;
                default -> pos = null;
            }
        } else if (it.money() != null && (rel.equals("nummod") || rel.equals("compound") || rel.equals("dep"))) {
            pos = Position.OBJECT;
        }
        if (pos == null && kase == null) {
            return false;
        }
        for (Frame f : fs) {
            Role r = pos != null ? f.at(pos) : null;
            if (r != null && !fits(f, r, it)) {
                r = null;
            }
            if (r == null && f.kind() == Kind.SPEND && pos == Position.OBJECT && it.money() != null && !rel.startsWith("obj")
                    && !rel.equals("iobj") && f.cases().values().stream().anyMatch(l -> l.contains(Role.AMOUNT))) {
                r = Role.AMOUNT; // "a $300 billion deal with CoreWeave": the figure sizes the noun it modifies
            }
            if (r == null && kase != null) {
                for (Role c : f.cases().getOrDefault(kase, List.of())) {
                    if (fits(f, c, it)) {
                        r = c;
                        break;
                    }
                }
            }
            if (r == null) {
                continue;
            }
            if (pos == Position.SUBJECT && f.subjectIs() != null) {
                continue; // "investors include A": the names are the object; the subject only licenses the frame
            }
            instance(instances, trigger, f).add(r, it);
            return true;
        }
        // "Other investors in the round include A and B": the object of a frame whose subject must be investors
        if (pos == Position.OBJECT) {
            for (Frame f : fs) {
                if (f.subjectIs() != null && f.at(Position.OBJECT) != null && fits(f, f.at(Position.OBJECT), it)) {
                    instance(instances, trigger, f).add(f.at(Position.OBJECT), it);
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean fits(Role r, Item it) {
        return r == Role.AMOUNT ? it.money() != null : r != Role.ROUND && it.party() != null;
    }

    /** A contract's figure is no investment's or round's size. */
    private static boolean fits(Frame f, Role r, Item it) {
        return fits(r, it) && !(r == Role.AMOUNT && it.commercial() && f.kind() != Kind.SPEND);
    }

    private static final Pattern FORMER_TITLE_BEFORE = Pattern.compile(
            "(?i)\\b(?:former|ex-)\\s*(?:[\\w'’.-]+\\s+){0,3}?(?:CEO|chief executive(?: officer)?|president|chairman|chairwoman|executive|head)\\s*,?\\s*$");
    private static final Pattern TITLE_BEFORE = Pattern.compile(
            "(?i)(?:CEO|chief executive(?: officer)?|founder|co-founder|cofounder|president|chairman|chairwoman|director|partner|"
                    + "spokesperson|spokesman|spokeswoman|analyst|minister|secretary|head)\\s*,?\\s*$");

    private static final Pattern TICKER_BEFORE = Pattern.compile("(?:\\(|\\b(?:NYSE|NASDAQ|Nasdaq|TSX|ASX|LSE|OTC|HKEX|NSE|BSE|SIX|XETRA)\\s*(?:Pink)?\\s*:\\s*)$");

    /**
     * Names the rules may take for a party that are none: places (the named-entity model says so, when it read the
     * sentence), stock tickers ("Alphabet (GOOGL)", "NYSE: LICY", "Google GOOGL"), a dateline's city ("HONG KONG —"),
     * plural abbreviations ("HNIs", "SMEs").
     */
    private boolean noParty(Relations.View v, Mentions.Mention m, List<CoreLabel> tokens) {
        if (m.source() == Mentions.Source.KNOWN || m.source() == Mentions.Source.COREF) {
            return false;
        }
        String name = m.name();
        if (name.length() >= 3 && name.endsWith("s") && name.substring(0, name.length() - 1).chars().allMatch(Character::isUpperCase)) {
            return true;
        }
        boolean caps = name.length() >= 2 && name.length() <= 6 && name.chars().allMatch(c -> Character.isUpperCase(c) || c == '.');
        String before = v.s().substring(Math.max(0, m.start() - 12), m.start());
        if (caps && (TICKER_BEFORE.matcher(before).find() || Character.isUpperCase(name.charAt(0)) && before.matches(".*[A-Za-z)]\\s$")
                && previousIsParty(v, m))) {
            return true;
        }
        if (m.start() < 3 && name.equals(name.toUpperCase(Locale.ROOT)) && name.length() > 3 && Mentions.DATELINE.matcher(v.s()).lookingAt()) {
            return true;
        }
        if (tokens != null) {
            int loc = 0;
            int all = 0;
            for (CoreLabel t : tokens) {
                if (t.beginPosition() >= m.start() && t.endPosition() <= m.end() && Character.isLetter(t.word().charAt(0))) {
                    all++;
                    if ("LOCATION".equals(t.ner())) {
                        loc++;
                    }
                }
            }
            // the model's "place" alone is not enough: it says so of many a one-word startup; a known place is
            return all > 0 && loc == all && places.contains(Lexicon.placeKey(name));
        }
        return places.contains(Lexicon.placeKey(name));
    }

    /** "Google GOOGL": a ticker follows the company's name directly. */
    private static boolean previousIsParty(Relations.View v, Mentions.Mention m) {
        for (Mentions.Mention p : v.mentions()) {
            if (p != m && p.end() <= m.start() && m.start() - p.end() <= 2) {
                return true;
            }
        }
        return false;
    }

    /** "Workpay's founder and CEO, Paul Kimani": a person named by their job speaks for a company; they invest nothing here. */
    /** "Microsoft co-founder ", "Infosys cofounder ": a company's name, then the word for its founder, before a person. */
    private static final Pattern FOUNDER_OF_ANOTHER = Pattern.compile("(\\S+)\\s+(?:co-founder|cofounder|co-founders|founder)\\s+$");

    /** The company mention that starts at {@code at}, if any. */
    private static Mentions.Mention founderOf(Relations.View v, int at) {
        for (Mentions.Mention x : v.mentions()) {
            if (x.end() > at && x.start() <= at && x.isOrg()) {
                return x;
            }
        }
        return null;
    }

    private static boolean titled(Relations.View v, Mentions.Mention m) {
        if (!"Person".equals(m.type())) {
            return false;
        }
        String before = v.s().substring(Math.max(0, m.start() - 40), m.start());
        if (FORMER_TITLE_BEFORE.matcher(before).find()) {
            return false; // "former Google CEO Eric Schmidt": a former executive is a person of means, an angel
        }
        Matcher founder = FOUNDER_OF_ANOTHER.matcher(before);
        if (!m.possessive() && founder.find() && founderOf(v, m.start() - before.length() + founder.start(1)) != null) {
            // "Microsoft co-founder Bill Gates", "Infosys cofounder Nandan Nilekani": a founder of another company is an
            // angel; "Spotify founder Daniel Ek's Prima Materia" names the owner of the investor instead
            return false;
        }
        return TITLE_BEFORE.matcher(before).find() || TITLE_AFTER.matcher(v.s().substring(m.end())).lookingAt();
    }

    private static Instance instance(Map<String, Instance> instances, IndexedWord trigger, Frame f) {
        return instances.computeIfAbsent(trigger.index() + "|" + f.name(), k -> new Instance(trigger, f));
    }

    /**
     * Frames whose noun is owned by the subject of a verb above it: "SoftBank agreed to buy a $2 billion stake in
     * Intel", "Glencore made a $75 million investment in Li-Cycle". The verb's prepositions count for the noun too
     * ("took stakes in SSI" hangs "in SSI" on the verb as often as on the noun).
     */
    private void governors(SemanticGraph g, List<Item> items, Map<String, Instance> instances) {
        for (Instance in : new ArrayList<>(instances.values())) {
            if (in.frame.governors() == null || !isNoun(in.trigger)) {
                continue;
            }
            IndexedWord parent = parent(g, in.trigger);
            DealFrames.Governors found = null;
            IndexedWord verb = null;
            for (DealFrames.Governors gov : in.frame.governors()) {
                if (parent != null && gov.verbs().contains(lemma(parent))) {
                    found = gov;
                    verb = parent;
                    break;
                }
            }
            for (int k = 0; found == null && k < in.frame.governors().size(); k++) {
                DealFrames.Governors gov = in.frame.governors().get(k);
                verb = governorAbove(g, in.trigger, gov.verbs());
                found = verb == null ? null : gov;
            }
            if (found != null) {
                governedBy(g, items, in, found, verb);
            }
        }
    }

    /** What the governing verb's subject, object and prepositions fill in the noun's frame. */
    private void governedBy(SemanticGraph g, List<Item> items, Instance in, DealFrames.Governors gov, IndexedWord verb) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(verb)) {
            String rel = e.getRelation().toString();
            for (Item it : items) {
                if (!it.head().equals(e.getDependent())) {
                    continue;
                }
                if ((rel.equals("nsubj") || rel.equals("nsubj:xsubj")) && it.party() != null && gov.subject() != null) {
                    // a deal has two parties: "OpenAI signed a deal with CoreWeave" keeps the one after "with"
                    if (in.get(gov.subject()).isEmpty() || gov.subject() == Role.PARTY && !in.get(Role.PARTY).contains(it)) {
                        in.add(gov.subject(), it);
                    }
                } else if ((rel.equals("obj") || rel.equals("iobj")) && it.party() != null && gov.object() != null) {
                    in.add(gov.object(), it); // "It counts Peter Thiel and Airbus Ventures among its investors"
                } else if (rel.startsWith("obl:")) {
                    String kase = rel.substring(4);
                    for (Role r : gov.cases().getOrDefault(kase, in.frame.cases().getOrDefault(kase, List.of()))) {
                        if (fits(in.frame, r, it)) {
                            in.add(r, it);
                            break;
                        }
                    }
                }
            }
        }
    }

    /** Relations the parser uses when it loses its way in a long noun phrase ("a staggering five-year, $11.9 billion deal"). */
    private static final Set<String> LOST_RELATIONS = Set.of("dep", "punct", "obj", "nummod", "amod", "compound");

    /**
     * "OpenAI has inked a staggering five-year, $11.9 billion deal with CoreWeave": the parse hangs the deal noun under
     * stray words of its own phrase; the governing verb is the first verb above it, reached through such relations
     * only, and before it in the sentence.
     */
    private static IndexedWord governorAbove(SemanticGraph g, IndexedWord noun, Set<String> verbs) {
        IndexedWord w = noun;
        for (int step = 0; step < 6; step++) {
            SemanticGraphEdge up = null;
            for (SemanticGraphEdge e : g.incomingEdgeIterable(w)) {
                up = e;
                break;
            }
            if (up == null || !LOST_RELATIONS.contains(up.getRelation().toString())) {
                return null;
            }
            w = up.getGovernor();
            if (isVerb(w)) {
                return verbs.contains(lemma(w)) && w.index() < noun.index() ? w : null;
            }
        }
        return null;
    }

    // ------------------------------------------------------------ a sentence's deals

    /** "invested in startups", "investments in hundreds of companies": money put into many, none of them named. */
    private static boolean investedInMany(SemanticGraph g, IndexedWord trigger) {
        if (intoPlural(g, trigger)) {
            return true;
        }
        // the parser may hang the place of the money on the figure: "invested $100 billion in startups"
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(trigger)) {
            IndexedWord d = e.getDependent();
            if (e.getRelation().toString().equals("obj") && ("$".equals(d.tag()) || "CD".equals(d.tag())) && intoPlural(g, d)) {
                return true;
            }
        }
        return false;
    }

    /** An "in" or "into" under the word that leads to a plural common noun. */
    private static boolean intoPlural(SemanticGraph g, IndexedWord w) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
            String rel = e.getRelation().toString();
            if ((rel.equals("obl:in") || rel.equals("obl:into") || rel.equals("nmod:in") || rel.equals("nmod:into"))
                    && "NNS".equals(e.getDependent().tag())) {
                return true;
            }
        }
        return false;
    }

    private void assemble(int si, SemanticGraph g, Relations.View v, List<Instance> instances, List<ListedInvestor> listed,
                          Rounds rounds, List<Relations.Draft> out) {
        if (question(v.s())) {
            return; // "Q: When did Amazon announce the additional $4 billion?": a question asserts no deal
        }
        if (si > 2 && headlineLike(v.s())) {
            return; // a list of other stories' headlines under the article, not its news
        }
        SentenceRound sr = new SentenceRound();
        List<Instance> backings = new ArrayList<>();
        Set<String> inMany = new HashSet<>();
        for (Instance in : instances) {
            switch (in.frame.kind()) {
                case ROUND -> {
                    boolean verb = isVerb(in.trigger);
                    if (verb && raisesAContract(g, in.trigger)) {
                        continue; // "CoreWeave expanded its OpenAI agreement by $6.5 billion": a contract grew, not a round
                    }
                    // "Ilya Sutskever raised $1 billion for his new firm, SSI": a company raises, a person raises for it
                    List<Item> investees = closestFirst(in.get(Role.INVESTEE), in.trigger);
                    if (investees.stream().anyMatch(x -> x.party().isOrg())) {
                        investees.removeIf(x -> !x.party().isOrg());
                    }
                    investees.forEach(x -> sr.investee(x, in.trigger));
                    // "has now raised about $1.25bn altogether": a running total is no round's size
                    in.get(Role.AMOUNT).stream().filter(x -> x.money() == null || !Relations.totalAfter(v.ls(), x.money().end()))
                            .forEach(sr::amount);
                    in.get(Role.INVESTOR).forEach(x -> sr.investor(x, "participant", null, true));
                    in.get(Role.LEAD).forEach(x -> sr.investor(x, "lead", null, false));
                    in.get(Role.PARTICIPANT).forEach(x -> sr.investor(x, "participant", null, false));
                    sr.isRound |= !verb || !in.get(Role.INVESTOR).isEmpty()
                            || investees.isEmpty() && !in.get(Role.AMOUNT).isEmpty() && companyNounSubject(g, v, in.trigger);
                    sr.triggers.add(in.trigger);
                }
                case INVESTORS -> {
                    if (!in.get(Role.LEAD).isEmpty() && "led".equalsIgnoreCase(in.trigger.word())
                            && companyRunBy(v, in.trigger.backingLabel().beginPosition())) {
                        continue; // "Gardens is led by Chris Bell": who runs the company
                    }
                    List<Item> leads = in.get(Role.LEAD);
                    List<Item> parts = in.get(Role.PARTICIPANT);
                    if (isNoun(in.trigger) && !in.get(Role.INVESTEE).isEmpty()) {
                        // "Microsoft is Cohere's largest outside investor": who backs whom, no round
                        backings.add(in);
                        continue;
                    }
                    List<Item> shares = in.get(Role.AMOUNT);
                    Item share = shares.size() == 1 && leads.size() + parts.size() == 1 ? shares.get(0) : null;
                    leads.forEach(x -> sr.investor(x, "lead", share, false));
                    parts.forEach(x -> sr.investor(x, "participant", share, false));
                    in.get(Role.INVESTEE).forEach(x -> sr.investee(x, in.trigger));
                    sr.isRound = true;
                }
                case DIRECT -> {
                    List<Item> investors = in.get(Role.INVESTOR);
                    List<Item> investees = in.get(Role.INVESTEE);
                    List<Item> amounts = in.get(Role.AMOUNT);
                    if (investees.isEmpty() && !investors.isEmpty()) {
                        // "OpenAI LLC, in which Microsoft has invested $13 billion": the relative pronoun's name
                        Mentions.Mention which = inWhich(v, in.trigger.backingLabel().beginPosition());
                        if (which != null) {
                            investees = List.of(new Item(null, which, null));
                        }
                    }
                    if (amounts.isEmpty() && investors.size() == 1 && isNoun(in.trigger)) {
                        // "including an equity investment of $18 million from DFC": the figure the parse hung elsewhere
                        Money.Amount of = figureAfterOf(v, in.trigger.backingLabel().endPosition());
                        if (of == null) {
                            // "a €300 million ($350 million) growth investment": the bracket cut the figure from its noun
                            of = figureBefore(v, in.trigger.backingLabel().beginPosition());
                        }
                        if (of != null) {
                            amounts = List.of(new Item(null, null, of));
                        }
                    }
                    if (investors.isEmpty()) {
                        // "the $50 million investment in Lumen": a round's words only when the sentence tells of a round
                        sr.weakInvestees.addAll(investees);
                        sr.weakTrigger = in.trigger;
                        if (sr.weakAmount == null && !amounts.isEmpty()) {
                            sr.weakAmount = amounts.get(0);
                        }
                    } else if (investees.isEmpty() && investedInMany(g, in.trigger)) {
                        // "SoftBank has invested more than $100 billion in startups": a record, not this round; nor
                        // are they the round's when a list names them ("Funds like A and B have invested in startups")
                        investors.forEach(x -> inMany.add(x.name()));
                        continue;
                    } else if (investees.isEmpty()) {
                        List<Item> shares = shares(v, investors, amounts);
                        for (int k = 0; k < investors.size(); k++) {
                            sr.investor(investors.get(k), "participant", shares.get(k), true);
                        }
                    } else {
                        Money.Amount m = amounts.isEmpty() ? null : amounts.get(0).money();
                        for (Item to : investees) {
                            for (Item from : investors) {
                                out.add(draft(v, from.name(), to.name(), investors.size() == 1 ? m : null, m, in.trigger, rounds.published, null));
                            }
                        }
                    }
                }
                case BACKING -> backings.add(in);
                case SPEND -> spend(v, in, out);
            }
        }
        // "Nebius, a Yandex spin-off backed by investors like Nvidia and Accel": the company a description's "backed
        // by" is about has those backers; they are no investors of the round the sentence may tell of
        Mentions.Mention described = describedAsBacked(v);
        Set<String> backersOnly = new HashSet<>();
        Set<String> backedHere = new HashSet<>();
        for (Instance in : instances) {
            if (in.frame.kind() == Kind.BACKING || in.frame.kind() == Kind.DIRECT) {
                in.get(Role.INVESTEE).forEach(x -> backedHere.add(x.name()));
            }
        }
        for (ListedInvestor l : listed) {
            Mentions.Mention who = l.item().party();
            if (backedHere.contains(who.name()) || inMany.contains(who.name())) {
                continue; // "has previously backed Alma, as well as Afterpay and Billie": backed, not a backer
            }
            if (ADVISER_BEFORE.matcher(v.ls()).region(Math.max(0, who.start() - 45), who.start()).find()) {
                continue; // "with support from corporate finance adviser Acceleris Capital and law firm Gateley"
            }
            if (described != null && who.start() > described.end() && !who.name().equals(described.name())
                    && (sr.investee == null || !sr.investee.name().equals(described.name()))) {
                out.add(draft(v, who.name(), described.name(), null, null, null, null, null).withDate(null));
                backersOnly.add(who.name());
                continue;
            }
            // an investor named as "from X" gives the money alone if no other is named; a list's names share a round
            sr.investor(l.item(), l.role() == Role.LEAD ? "lead" : "participant", l.share() == null ? null : new Item(null, null, l.share()),
                    l.role() == Role.INVESTOR);
            sr.isRound |= l.role() == Role.LEAD;
            sr.listTellsRound |= l.role() == Role.LEAD;
        }
        // "entre las que destacan Tencent, SoftBank y Goldman Sachs": investors listed in a sentence with a deal word of
        // another language tell of a round where the English models read no frame
        if (!listed.isEmpty() && instances.isEmpty() && DealFrames.cueAtWordStart(v.ls(), otherLanguageDealWords)) {
            sr.listTellsRound = true;
            sr.isRound = true;
            // "Mutabilis reçoit un financement de 7 M€ de la part de A": the name the sentence opens with raises,
            // with the sentence's first figure
            Mentions.Mention opening = openingRaiser(v, listed);
            if (sr.investee == null && opening != null) {
                sr.investee(new Item(null, opening, null), null);
                if (sr.amount == null && !v.money().isEmpty()) {
                    sr.amount(new Item(null, null, v.money().get(0)));
                }
            }
        }
        // "Brightwave, backed by Decibel, raised $15 million": in a sentence about a round its backers are its investors;
        // elsewhere "X, backed by Y" says who backs whom, with no figure and no date
        boolean roundHere = sr.amount != null || sr.investee != null && !sr.triggers.isEmpty();
        for (Instance in : backings) {
            List<Item> investors = new ArrayList<>(in.get(Role.INVESTOR));
            investors.addAll(in.get(Role.PARTICIPANT));
            if (investors.isEmpty() && !roundHere && sr.triggers.isEmpty() && isNoun(in.trigger) && in.get(Role.INVESTEE).size() == 1) {
                // "Rappi's investors already included A, B and C": whose investors the noun says, the names another
                // frame or list read; no round is told, so they are its backers, with no figure and no date
                Item whose = in.get(Role.INVESTEE).get(0);
                for (Investor named : List.copyOf(sr.investors.values())) {
                    Item from = named.item();
                    if (!from.name().equals(whose.name())) {
                        investors.add(from);
                        sr.investors.remove(named.name());
                    }
                }
            }
            for (Item to : in.get(Role.INVESTEE)) {
                for (Item from : investors) {
                    if (roundHere && sr.investee != null && sr.investee.name().equals(to.name())) {
                        sr.investor(from, "participant", null, false);
                    } else {
                        out.add(draft(v, from.name(), to.name(), null, null, in.trigger, null, null).withDate(null));
                    }
                }
            }
        }
        Matcher series = SERIES.matcher(v.s());
        while (series.find()) {
            if (!insideParty(series.start(), v)) {
                sr.series = seriesName(series.group(1));
                break;
            }
        }
        if (sr.isRound || !sr.investors.isEmpty()) {
            if (sr.investee == null && !sr.triggers.isEmpty()) {
                // "This round, led by A, values Mistral at €2 billion": the company valued is the one raising
                Item valued = valued(v);
                if (valued != null) {
                    sr.investors.remove(valued.name());
                    sr.investee(valued, sr.triggers.get(0));
                }
            }
            Mentions.Mention launched = sr.triggers.isEmpty() ? null : launchedCompany(v);
            if (launched != null && !sr.investors.containsKey(launched.name())) {
                // "Industry vets from Riot Games and PUBG have raised $3.2mm to launch new studio Hidden Leaf Games":
                // the money is the new company's, whoever the sentence says raised it
                sr.investee = null;
                sr.investee(new Item(null, launched, null), sr.triggers.get(0));
            }
            if (sr.investee == null && !sr.investors.isEmpty()) {
                // "At Onena, the money has come from A and B": the company the sentence opens with is the one raising
                Mentions.Mention fronted = fronted(v);
                if (fronted != null && !sr.investors.containsKey(fronted.name()) && (!sr.triggers.isEmpty() || sr.listTellsRound)) {
                    sr.investee(new Item(null, fronted, null), sr.triggers.isEmpty() ? null : sr.triggers.get(0));
                }
            }
            if (sr.investee == null) {
                // "Remedial Health, a Nigerian supply chain and procurement start-up, raised $1 million": a long
                // description between the name and its verb loses the subject in the parse
                for (IndexedWord t : sr.triggers) {
                    Mentions.Mention opening = isVerb(t) ? apposedOpening(v, t) : null;
                    if (opening != null && !sr.investors.containsKey(opening.name())) {
                        sr.investee(new Item(null, opening, null), t);
                        break;
                    }
                }
            }
            if (sr.investee == null && !sr.investors.isEmpty()) {
                // "Chefaa … raised an undisclosed venture round from investors, including A and B": a raise verb with
                // no figure reads no frame, but its subject is still the company whose investors the sentence lists
                Item subject = raiseSubject(g, v, sr);
                if (subject != null) {
                    sr.investee(subject, null);
                }
            }
            // "In 2021, Speedinvest led a $23 million investment in Moove": the sentence's own investors and figure
            // make the company the investment is "in" this round's raiser, whatever round came before
            if (sr.investee == null && !sr.weakInvestees.isEmpty()
                    && (rounds.current == null || !sr.investors.isEmpty() && sr.weakAmount != null && sr.amount == null)) {
                sr.investee(sr.weakInvestees.get(0), sr.weakTrigger);
            }
            if (sr.amount == null && sr.weakAmount != null) {
                sr.amount(sr.weakAmount);
            }
            if (sr.amount == null) {
                // "took part in a $75m round that also featured A": the figure on the round word sizes the round,
                // wherever the parse hung it
                Money.Amount sized = figureOnRoundWord(v);
                if (sized != null) {
                    sr.amount(new Item(null, null, sized));
                }
            }
        }
        if (sr.isRound && !sr.investors.isEmpty()) {
            fundsBesideInvestors(v, sr);
        }
        sr.investors.keySet().removeAll(backersOnly);
        rounds.accept(si, v, sr);
    }

    private static final Pattern LEGAL_TAIL = Pattern.compile("(?:\\s+(?:" + Mentions.LEGAL_FORM + "))?");
    private static final Pattern IN_WHICH = Pattern.compile(",\\s+(?:in|into)\\s+which\\s+");

    /** The name a ", in which" before {@code at} stands for, when nothing but the clause's own words lie between. */
    private static Mentions.Mention inWhich(Relations.View v, int at) {
        Matcher m = IN_WHICH.matcher(v.s());
        Mentions.Mention found = null;
        while (m.find() && m.end() <= at) {
            found = null;
            if (v.s().substring(m.end(), at).matches("[^,;]{0,60}")) {
                for (Mentions.Mention x : v.mentions()) {
                    if (x.end() <= m.start() && x.isOrg() && LEGAL_TAIL.matcher(v.s().substring(x.end(), m.start())).matches()) {
                        found = x;
                    }
                }
            }
        }
        return found;
    }

    private static final Pattern OF_BEFORE_FIGURE = Pattern.compile("^\\s+of\\s+(?:about\\s+|around\\s+|some\\s+|nearly\\s+|up\\s+to\\s+)?$");

    /** The figure right after a deal noun's "of" ("an investment of $18 million"), or null. */
    private static Money.Amount figureAfterOf(Relations.View v, int nounEnd) {
        for (Money.Amount m : v.money()) {
            if (m.start() > nounEnd && m.start() - nounEnd <= 20 && OF_BEFORE_FIGURE.matcher(v.s().substring(nounEnd, m.start())).matches()) {
                return m;
            }
        }
        return null;
    }

    /** Between a figure and its deal noun: a bracket that restates it, then at most two lower-case words. */
    private static final Pattern FIGURE_TO_NOUN = Pattern.compile("\\s*(?:\\([^()]{1,40}\\))?\\s*(?:\\p{Ll}[\\p{Ll}-]*\\s+){0,2}");

    /** The figure right before a deal noun, across a bracket and a modifier or two, or null. */
    private static Money.Amount figureBefore(Relations.View v, int nounStart) {
        for (Money.Amount m : v.money()) {
            if (m.end() <= nounStart && nounStart - m.end() <= 60 && FIGURE_TO_NOUN.matcher(v.s()).region(m.end(), nounStart).matches()) {
                return m;
            }
        }
        return null;
    }

    private static final Pattern ROUND_WORD_AFTER = Pattern.compile(
            "\\s+(?:(?:seed|pre-seed|series\\s+[a-h]\\d?|growth|equity|venture|funding|financing|investment)\\s+){0,2}(?:round|raise|funding|financing)\\b");

    /** The one figure of the sentence that a round word follows ("a $300m series E round"), or null. */
    private static Money.Amount figureOnRoundWord(Relations.View v) {
        Money.Amount found = null;
        for (Money.Amount m : v.money()) {
            if (ROUND_WORD_AFTER.matcher(v.ls()).region(m.end(), v.ls().length()).lookingAt()) {
                if (found != null) {
                    return null;
                }
                found = m;
            }
        }
        return found;
    }

    /** Last words that make a name an investment firm's whatever the sentence around it says. */
    private static final Set<String> FUND_SHAPES = Set.of("Capital", "Ventures", "Venture", "Partners", "Fund", "Funds",
            "Investments", "Investors", "Invest", "Equity", "Expeditions", "Growth", "Advisors", "Advisers");

    /**
     * "The round was co-led by A and B, with C Capital, D Ventures and E Partners": in a sentence about a round that
     * already names some of its investors, a name shaped like an investment firm's that no frame or list placed is one
     * more of them. The parse of a long roster often loses a few names; their shape does not depend on the phrasing.
     */
    private static void fundsBesideInvestors(Relations.View v, SentenceRound sr) {
        for (Mentions.Mention m : v.mentions()) {
            if (m.source() == Mentions.Source.COREF || !m.isParty() || "Person".equals(m.type())
                    || sr.investors.containsKey(m.name()) || sr.investee != null && sr.investee.name().equals(m.name())) {
                continue;
            }
            String[] words = m.name().split("\\s+");
            if (words.length >= 2 && FUND_SHAPES.contains(words[words.length - 1]) && !m.possessive()
                    && !ADVISER_BEFORE.matcher(v.ls()).region(Math.max(0, m.start() - 45), m.start()).find()) {
                sr.investor(new Item(null, m, null), "participant", null, false);
            }
        }
    }

    private static final Pattern DESCRIBED_AS_BACKED = Pattern.compile(
            "^\\s*,\\s*(?:a|an|the)\\s+[^,;()]{0,70}?\\b(?:backed|funded|financed|supported)\\s+by\\s+");
    /** The name stands in brackets with a job, right after a listed name: "Eden Chen (CEO – Pragma)". */
    private static boolean employerInBrackets(Relations.View v, Mentions.Mention m) {
        String s = v.s();
        int open = s.lastIndexOf('(', m.start());
        if (open < 0 || m.start() - open > 40 || s.lastIndexOf(')', m.start()) > open || s.indexOf(')', m.end()) < 0
                || s.indexOf(')', m.end()) - m.end() > 40) {
            return false;
        }
        int close = s.indexOf(')', m.end());
        if (!BRACKET_TITLE.matcher(s).region(open, close).find()) {
            return false;
        }
        for (Mentions.Mention p : v.mentions()) {
            if (p.isParty() && p.end() <= open && s.substring(p.end(), open).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** A job in a bracket after a name: "(early Riot Games leader)", "(CEO – Pragma)", "(former COO of TikTok)". */
    private static final Pattern BRACKET_TITLE = Pattern.compile("(?i)\\b(?:former|ex-|" + JOB_WORDS + ")\\b");

    /** People and the companies they come from: "vets from Riot Games, PUBG and". */
    private static final Pattern PEOPLE_FROM = Pattern.compile(
            "\\b(?:vets|veterans|alumni|alums|executives|engineers|employees|staff|people|founders|researchers)\\s+(?:from|of)\\s+(?:[\\w&’'.-]+,?\\s+(?:and\\s+)?){0,4}$");
    /** Words that compare the name after them with the subject: "similar to", "like", "a rival of". */
    private static final Pattern LIKENESS_BEFORE = Pattern.compile(
            // "China's alternative to OpenAI, securing $341 million": the name a rival is compared with raises nothing
            "\\b(?:similar\\s+to|akin\\s+to|(?:rival|alternative|competitor|challenger|counterpart|equivalent)s?\\s+(?:to|of)|answer\\s+to|"
            + "rivall?ing|compared\\s+(?:to|with)|modell?ed\\s+on)\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}\\d.&-]*(?:['’]s)?\\s+)?$");

    /** The party before ", a … backed by", or null: "Nebius, a Yandex spin-off backed by Nvidia". */
    private static Mentions.Mention describedAsBacked(Relations.View v) {
        if (!v.ls().contains("ed by ")) {
            return null; // the pattern below runs from every name; most sentences hold no "backed by" at all
        }
        for (Mentions.Mention m : v.mentions()) {
            if (m.isOrg() && m.source() != Mentions.Source.COREF
                    && DESCRIBED_AS_BACKED.matcher(v.s()).region(m.end(), v.s().length()).lookingAt()) {
                return m;
            }
        }
        return null;
    }

    private static final Pattern FRONTED = Pattern.compile("^(?:At|For)\\s+$");
    private static final Pattern FRONTED_NAME = Pattern.compile("^(?:At|For)\\s+(\\p{Lu}[\\p{L}\\d&.\\-]*(?:\\s+\\p{Lu}[\\p{L}\\d&.\\-]*){0,3}),");

    /**
     * The company named by a sentence's opening "At X," or "For X,", or null. The words there need not be a name the
     * readers know: in a sentence that names investors, that opening says whose money it is.
     */
    private Mentions.Mention fronted(Relations.View v) {
        for (Mentions.Mention m : v.mentions()) {
            if (m.start() > 12) {
                break;
            }
            if (m.isOrg() && m.source() != Mentions.Source.COREF && FRONTED.matcher(v.s().substring(0, m.start())).matches()
                    && v.s().startsWith(",", m.end())) {
                return m;
            }
        }
        Matcher named = FRONTED_NAME.matcher(v.s());
        if (named.lookingAt() && !places.contains(Lexicon.placeKey(named.group(1))) && !stopwords.contains(named.group(1))
                && knowledge.entity(named.group(1)) == null) {
            return new Mentions.Mention(named.start(1), named.end(1), named.group(1), "Company", Mentions.Source.UNKNOWN, true, false);
        }
        return null;
    }

    /** The organisation that is the subject of a verb of raising in the sentence, when it is no investor; or null. */
    private Item raiseSubject(SemanticGraph g, Relations.View v, SentenceRound sr) {
        if (g == null) {
            return null; // a sentence the parser was not run on
        }
        for (IndexedWord w : g.vertexSet()) {
            if (!isVerb(w) || !raiseVerb(g, w)) {
                continue;
            }
            // "Moniepoint, …, dominated the chart after raising $90 million in a round backed by A": a raise with no
            // subject of its own takes the subject of the clause it hangs on, up through "after" or "by"
            IndexedWord clause = w;
            for (int up = 0; up < 3 && clause != null; up++) {
                Item subject = subjectOf(g, v, clause, sr);
                if (subject != null) {
                    return subject;
                }
                clause = governorThrough(g, clause);
            }
        }
        return null;
    }

    /** The organisation a clause's subject names, directly or by the apposition that names it ("the company, Moniepoint"). */
    private static Item subjectOf(SemanticGraph g, Relations.View v, IndexedWord clause, SentenceRound sr) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(clause)) {
            if (!e.getRelation().toString().equals("nsubj")) {
                continue;
            }
            List<IndexedWord> words = new ArrayList<>(List.of(e.getDependent()));
            for (SemanticGraphEdge a : g.outgoingEdgeIterable(e.getDependent())) {
                if (a.getRelation().toString().equals("appos")) {
                    words.add(a.getDependent());
                }
            }
            for (IndexedWord word : words) {
                int at = word.backingLabel().beginPosition();
                for (Mentions.Mention m : v.mentions()) {
                    if (m.isOrg() && m.source() != Mentions.Source.COREF && at >= m.start() && at < m.end()
                            && !sr.investors.containsKey(m.name())) {
                        return new Item(null, m, null);
                    }
                }
            }
        }
        return null;
    }

    /** The word a subjectless clause hangs on: through an adverbial or complement clause, or a loose attachment. */
    private static IndexedWord governorThrough(SemanticGraph g, IndexedWord w) {
        for (SemanticGraphEdge e : g.incomingEdgeIterable(w)) {
            String rel = e.getRelation().toString();
            if (rel.startsWith("advcl") || rel.startsWith("xcomp") || rel.equals("dep") || rel.equals("advmod")) {
                return e.getGovernor();
            }
        }
        return null;
    }

    private boolean raiseVerb(SemanticGraph g, IndexedWord w) {
        for (Frame f : framesOf(g, w)) {
            if (f.kind() == DealFrames.Kind.ROUND) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name a sentence opens with when a description set off by commas stands between it and the verb {@code t}
     * ("Chefaa, an Egypt-based e-pharmacy start-up, raised …"), or null.
     */
    private static Mentions.Mention apposedOpening(Relations.View v, IndexedWord t) {
        for (Mentions.Mention m : v.mentions()) {
            if (m.start() > 40) {
                break;
            }
            if (!m.isOrg() || m.source() == Mentions.Source.COREF || v.s().substring(0, m.start()).contains(",")) {
                continue;
            }
            Matcher d = APPOSED_OPENING.matcher(v.s()).region(m.end(), v.s().length());
            if (d.lookingAt() && v.s().startsWith(t.word(), d.end())) {
                return m;
            }
            return null; // only the sentence's first name can open it
        }
        return null;
    }

    private static final Pattern APPOSED_OPENING = Pattern.compile(
            "^,\\s+(?:a|an|the)\\s+[^,;()]{3,110},\\s+(?:has\\s+|have\\s+|had\\s+)?(?:(?:just|now|recently|also)\\s+)?");

    /** "values Mistral at", "valuing the startup X at", "valued X at": the company a round's valuation is of. */
    private static final Pattern VALUES = Pattern.compile("\\b(?:values|valued|valuing)\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,2}$");

    private static Item valued(Relations.View v) {
        String s = v.s();
        for (Mentions.Mention m : v.mentions()) {
            if (!m.isOrg() || m.start() < 7 || m.source() == Mentions.Source.COREF) {
                continue; // a name, not "the company" (which coreference may have pinned on an investor)
            }
            String before = s.substring(Math.max(0, m.start() - 40), m.start());
            String after = s.substring(m.end(), Math.min(s.length(), m.end() + 8));
            if (VALUES.matcher(before).find() && after.matches("(?s)^(?:['’]s)?\\s+at\\b.*")) {
                return new Item(null, m, null);
            }
        }
        return null;
    }

    private static final Pattern COMPUTE = Pattern.compile(
            "(?i)\\b(?:cloud|compute|computing|gpus?|capacity|chips?|data cent(?:er|re)s?|servers?|infrastructure|tpus?|processors?|"
                    + "accelerators?|memory|supercomputer|cluster|processing|hosting|gigawatts?|gw|megawatts?|azure|aws)\\b");

    /**
     * A spend commitment: the customer pays the provider for compute, chips or cloud services. The frame names them
     * as customer and provider ("Snap commits $2 billion to Google Cloud", "Nebius will supply Microsoft") or as two
     * parties to a deal ("a $300 billion cloud deal between OpenAI and Oracle"), whose sides the knowledge file and the
     * text's own words for them decide. Only where the text speaks of compute, chips or cloud, or the provider sells
     * them.
     */
    private void spend(Relations.View v, Instance in, List<Relations.Draft> out) {
        List<Item> customers = new ArrayList<>(in.get(Role.CUSTOMER));
        List<Item> providers = new ArrayList<>(in.get(Role.PROVIDER));
        List<Item> parties = new ArrayList<>(in.get(Role.PARTY));
        parties.removeAll(customers);
        parties.removeAll(in.get(Role.PROVIDER));
        if (parties.size() == 1 && customers.isEmpty() && providers.isEmpty() && !in.get(Role.AMOUNT).isEmpty()
                && computeContract(v, in)) {
            // "CoreWeave shares jumped 13% after announcing a $14.2 billion computing power agreement with Meta": the
            // parse gives the agreement one party; a compute provider named before it in the sentence is the other
            Item seller = providerBefore(v, in.trigger, parties.get(0));
            if (seller != null) {
                providers.add(seller);
            }
        }
        if (parties.size() >= 2 || parties.size() == 1 && (customers.isEmpty() ^ providers.isEmpty())) {
            List<Item> all = new ArrayList<>(parties);
            all.addAll(customers);
            all.addAll(providers);
            Item provider = providers.isEmpty() ? null : providers.get(0);
            if (provider == null) {
                int best = -1;
                for (Item p : all) {
                    int sc = providerScore(p.party(), v);
                    if (sc > best) {
                        best = sc;
                        provider = p;
                    }
                }
                if (best <= 0 && customers.isEmpty()) {
                    return; // two parties and nothing says which one sells
                }
            }
            providers = List.of(provider);
            customers.clear();
            for (Item p : all) {
                if (p != provider) {
                    customers.add(p);
                }
            }
        }
        if (customers.isEmpty() || providers.isEmpty()) {
            return;
        }
        Item provider = providers.get(0);
        if (providerScore(provider.party(), v) == 0 && !COMPUTE.matcher(v.s()).find()) {
            return; // "signed a deal with" a retailer: not compute, chips or cloud
        }
        Money.Amount m = in.get(Role.AMOUNT).isEmpty() ? null : in.get(Role.AMOUNT).get(0).money();
        int at = in.trigger.backingLabel().beginPosition();
        String date = Relations.defaultDate(v, Relations.nearestDate(v, at, at + 1), false, null);
        for (Item c : customers) {
            if (c.name().equals(provider.name())) {
                continue;
            }
            out.add(new Relations.Draft(FactType.COMMITS_SPEND_TO, c.name(), provider.name(), m == null ? null : m.amount(),
                    m == null ? null : m.currency(), m == null ? null : m.usd(), m == null ? "unknown" : m.qualifier(), false, null,
                    date, Relations.years(v.ls()), Relations.status(v, true), v.sentence().index()));
        }
    }

    private static final Set<String> CONTRACT_NOUNS = Set.of("agreement", "contract", "deal", "partnership", "pact", "alliance",
            "collaboration", "lease", "order");

    /** The verb's object is a contract ("expanded its OpenAI agreement"), not a round or money ("a $40 million funding deal"). */
    private static boolean raisesAContract(SemanticGraph g, IndexedWord verb) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(verb)) {
            if (!e.getRelation().toString().equals("obj") || !CONTRACT_NOUNS.contains(lemma(e.getDependent()))) {
                continue;
            }
            for (SemanticGraphEdge m : g.outgoingEdgeIterable(e.getDependent())) {
                String rel = m.getRelation().toString();
                if ((rel.equals("compound") || rel.equals("amod")) && (MONEY_WORDS.contains(lemma(m.getDependent()))
                        || ROUND_NOUNS.contains(lemma(m.getDependent())))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The words from the figure to the contract word say what is bought: "a $14.2 billion computing power agreement". */
    private static boolean computeContract(Relations.View v, Instance in) {
        Money.Amount m = in.get(Role.AMOUNT).get(0).money();
        int at = in.trigger.beginPosition();
        return m != null && m.end() <= at && at - m.end() <= 40 && COMPUTE.matcher(v.s().substring(m.end(), at)).find();
    }

    /** The one company the knowledge or its description makes a compute provider, named before the trigger and not the party. */
    private Item providerBefore(Relations.View v, IndexedWord trigger, Item party) {
        Item found = null;
        for (Mentions.Mention m : v.mentions()) {
            if (m.isOrg() && m.end() <= trigger.beginPosition() && !m.name().equals(party.name()) && providerScore(m, v) > 0) {
                if (found != null && !found.name().equals(m.name())) {
                    return null; // two candidates: nothing says which one sells
                }
                found = new Item(null, m, null);
            }
        }
        return found;
    }

    private static final Pattern EACH = Pattern.compile("\\beach\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RESPECTIVELY = Pattern.compile("\\brespectively\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Each investor's own figure: the one figure of a one-investor frame, the same figure for all when "each" says
     * so ("A and B are each providing $50 million"), in order when the figures match the investors one for one
     * ("A and B are investing $100 million and $90 million, respectively").
     */
    private static List<Item> shares(Relations.View v, List<Item> investors, List<Item> amounts) {
        List<Item> out = new ArrayList<>();
        boolean each = amounts.size() == 1 && EACH.matcher(v.s()).find();
        List<Item> inOrder = new ArrayList<>(amounts);
        if (investors.size() > 1 && amounts.size() != investors.size() && RESPECTIVELY.matcher(v.s()).find()) {
            // "A and B are investing $100 million and $90 million, respectively": the parse hangs only the first
            // figure on the verb; the figures after the last investor, in order, are theirs
            int last = investors.stream().mapToInt(x -> x.party().end()).max().orElse(0);
            List<Item> after = new ArrayList<>();
            for (Money.Amount m : v.money()) {
                if (m.start() >= last) {
                    after.add(new Item(null, null, m));
                }
            }
            if (after.size() == investors.size()) {
                amounts = after;
                inOrder = new ArrayList<>(after);
            }
        }
        inOrder.sort((x, y) -> Integer.compare(x.money().start(), y.money().start()));
        List<Item> byPlace = new ArrayList<>(investors);
        byPlace.sort((x, y) -> Integer.compare(x.party().start(), y.party().start()));
        for (Item inv : investors) {
            if (investors.size() == 1 && amounts.size() == 1 || each) {
                out.add(amounts.get(0));
            } else if (amounts.size() == investors.size() && amounts.size() > 1 && RESPECTIVELY.matcher(v.s()).find()) {
                out.add(inOrder.get(byPlace.indexOf(inv)));
            } else {
                out.add(null);
            }
        }
        return out;
    }

    /** "secured $50 million in a fresh round", "closed its Series B": a round word under the verb. */
    /**
     * Words for money: a raise verb's passive takes one instead of a figure ("The funds have been raised from A", not
     * "the fund"), and one before a contract word makes it a round's ("a $40 million equity deal").
     */
    private static final Set<String> MONEY_WORDS = Set.of("money", "funds", "capital", "cash", "proceeds", "investment", "equity");

    private static boolean takesMoneyWord(SemanticGraph g, IndexedWord verb) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(verb)) {
            String rel = e.getRelation().toString();
            // the passive only: "startups like Inflection AI have raised funds" tells of no round
            if (rel.equals("nsubj:pass") && e.getDependent().word() != null
                    && MONEY_WORDS.contains(e.getDependent().word().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean objectIsRound(SemanticGraph g, Instance in, List<Instance> all) {
        for (Instance other : all) {
            if (other != in && (other.frame.kind() == Kind.ROUND || other.frame.kind() == Kind.DIRECT) && !isVerb(other.trigger)) {
                IndexedWord w = other.trigger;
                for (int hop = 0; hop < 3 && w != null; hop++) {
                    w = parent(g, w);
                    if (in.trigger.equals(w)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Title Case words and no closing punctuation: a headline. */
    static boolean headlineLike(String s) {
        String t = s.strip();
        if (t.isEmpty() || ".!?\"”’)".indexOf(t.charAt(t.length() - 1)) >= 0) {
            return false;
        }
        int words = 0;
        int caps = 0;
        for (String w : t.split("\\s+")) {
            if (w.length() > 3 && Character.isLetter(w.charAt(0))) {
                words++;
                if (Character.isUpperCase(w.charAt(0))) {
                    caps++;
                }
            }
        }
        return words >= 3 && caps * 10 >= words * 7;
    }

    static boolean question(String s) {
        String t = s.strip();
        return t.endsWith("?") || t.startsWith("Q:") || t.startsWith("Q.");
    }

    static String seriesName(String raw) {
        // "série B", "Serie A": French, Spanish, Italian and German news name the lettered round so
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceFirst("^s[eé]rie ", "series ");
        if (s.startsWith("series ") || s.startsWith("pre-series ")) {
            // "Series A2", "Series B-1", "Series C+" are parts of the lettered round: the facts format names the letter
            int sp = s.lastIndexOf(' ');
            return (s.startsWith("pre") ? "Pre-Series " : "Series ") + s.substring(sp + 1, sp + 2).toUpperCase(Locale.ROOT);
        }
        return switch (s) {
            case "pre-seed" -> "Pre-seed";
            case "seed" -> "Seed";
            case "growth" -> "Growth";
            case "bridge" -> "Bridge";
            case "angel" -> "Angel";
            default -> raw;
        };
    }

    /**
     * {@code m} is the investor's own figure, {@code figure} the one the frame read (the round's, when several
     * invest): the deal's date is looked for next to the figure, as a date right after some other figure is that
     * figure's ("for Rs 11.4 crore in April 2022"), else next to the trigger.
     */
    private Relations.Draft draft(Relations.View v, String from, String to, Money.Amount m, Money.Amount figure,
                                  IndexedWord trigger, LocalDate published, Fact.Round round) {
        int at = trigger == null ? 0 : trigger.backingLabel().beginPosition();
        String date = figure != null ? Relations.nearestDate(v, figure.start(), figure.end()) : Relations.nearestDate(v, at, at + 1);
        date = Relations.defaultDate(v, date, false, published);
        String status = Relations.status(v, false);
        return new Relations.Draft(FactType.INVESTS_IN, from, to, m == null ? null : m.amount(), m == null ? null : m.currency(),
                m == null ? null : m.usd(), m == null ? "unknown" : m.qualifier(), false, null, date, null, status,
                v.sentence().index(), round != null, round);
    }

    /** What one sentence says about a round. */
    private static final class SentenceRound {
        Item investee;
        IndexedWord investeeTrigger;
        Item amount;
        String series;
        boolean isRound;
        /**
         * A list after "led by" (or "liderada por", "angeführt von"), or any investor list in a sentence with another
         * language's deal word: a round is told of even where no frame was read.
         */
        boolean listTellsRound;
        /** From deal words without an investor: count only in a sentence that is about a round. */
        final List<Item> weakInvestees = new ArrayList<>();
        IndexedWord weakTrigger;
        Item weakAmount;
        final List<IndexedWord> triggers = new ArrayList<>();
        final Map<String, Investor> investors = new LinkedHashMap<>();

        void investee(Item x, IndexedWord trigger) {
            if (investee == null) {
                investee = x;
                investeeTrigger = trigger;
            }
        }

        void amount(Item x) {
            if (amount == null) {
                amount = x;
            }
        }

        void investor(Item x, String role, Item share, boolean viaFrom) {
            Investor prev = investors.get(x.name());
            if (prev == null || "lead".equals(role) && !"lead".equals(prev.role)) {
                investors.put(x.name(), new Investor(x.name(), role, share == null ? null : share.money(), viaFrom && prev == null,
                        prev == null ? x : prev.item()));
            } else if (prev.share() == null && share != null && share.money() != null) {
                // the list gave this investor's figure where the frame that named it first did not
                investors.put(x.name(), new Investor(x.name(), prev.role(), share.money(), prev.viaFrom(), prev.item()));
            }
        }
    }

    /** An investor of a round, with the words it was first read from. */
    private record Investor(String name, String role, Money.Amount share, boolean viaFrom, Item item) {
    }

    /** The document's rounds, in the order they are told. */
    private final class Rounds {
        final LocalDate published;
        final String topic;
        final List<Round> all = new ArrayList<>();
        Round current;

        Rounds(LocalDate published, String topic) {
            this.published = published;
            this.topic = topic;
        }

        final class Round {
            final String id;
            final String investee;
            Money.Amount amount;
            String series;
            String date;
            String status;
            int lastSentence;
            final Map<String, Investor> investors = new LinkedHashMap<>();
            final Map<String, Relations.View> where = new HashMap<>();

            Round(String id, String investee) {
                this.id = id;
                this.investee = investee;
            }
        }

        /**
         * The date the sentence gives its round: the one nearest the round's figure, when it has one ("raised $25m in
         * a 2017 series C round"; a date right after some other figure is that figure's), else nearest its trigger.
         */
        private static String dealDate(Relations.View v, SentenceRound sr, IndexedWord trigger) {
            if (sr.amount != null) {
                return Relations.nearestDate(v, sr.amount.money().start(), sr.amount.money().end());
            }
            int at = trigger == null ? 0 : trigger.backingLabel().beginPosition();
            return Relations.nearestDate(v, at, at + 1);
        }

        void accept(int si, Relations.View v, SentenceRound sr) {
            Round r = null;
            Round investedBy = sr.investee == null || sr.amount != null ? null : roundInvestedBy(sr.investee.name());
            Investor both = sr.investee == null ? null : sr.investors.get(sr.investee.name());
            Item alsoInvestor = both == null ? null : both.item();
            if (DEBUG && alsoInvestor != null) {
                System.err.println("   both sides: " + alsoInvestor.party() + " / " + sr.investee.party());
            }
            if (alsoInvestor != null) {
                // One party read as both sides of the sentence's round. The same words: "…closed its Series B round,
                // led by L Catterton" (the parse hung the lead on the round word too), and a lead or participant is
                // not the one raising, unless the words are a pronoun ("bringing its Series B financing to $120
                // million": "its" is whose round it is, never an investor in a list). Two mentions: a coreference
                // guess on the investor's side ("led by Merian through its Chrysalis vehicle", "from the tech
                // investor") never moves the raiser, whether the raiser was named or itself a pronoun ("it has raised").
                Mentions.Mention investor = alsoInvestor.party();
                if (investor.source() == Mentions.Source.COREF) {
                    sr.investors.remove(sr.investee.name());
                } else {
                    sr.investee = null;
                }
            }
            if (investedBy != null) {
                // "L Catterton is supported by existing investors such as A and B", after L Catterton led Planted's
                // round: with no figure of its own, a sentence that makes an investor of the story's round a raiser
                // names more investors of that round, not a round of the investor's
                r = investedBy;
            } else if (sr.investee != null) {
                String name = sr.investee.name();
                if (current != null && current.investee.equals(name) && compatible(current.amount, sr.amount)) {
                    r = current;
                } else if (sr.amount != null || !sr.investors.isEmpty() || sr.isRound) {
                    r = new Round("r" + (all.size() + 1), name);
                    all.add(r);
                    r.date = Relations.defaultDate(v, dealDate(v, sr, sr.investeeTrigger), false, published);
                    r.status = Relations.status(v, false);
                }
            } else if (current == null && topic != null && (sr.amount != null && sr.isRound
                    || !sr.investors.isEmpty() && sr.isRound && (!sr.triggers.isEmpty() || sr.listTellsRound))) {
                r = new Round("r" + (all.size() + 1), topic);
                all.add(r);
                r.date = Relations.defaultDate(v, dealDate(v, sr, sr.triggers.isEmpty() ? null : sr.triggers.get(0)), false, published);
                r.status = Relations.status(v, false);
            } else if (sr.amount == null && !sr.investors.isEmpty() && (r = earlierBySize(v)) != null) {
                // "…managed to raise $1 billion for the new startup from investors including A and B": the figure
                // names the round told about earlier, even when another company's round came in between
            } else if (current != null && si - current.lastSentence <= ROUND_REACH
                    && (!sr.investors.isEmpty() || sr.amount != null && sr.isRound)) {
                // no raiser named: the company the document was telling about; a figure or series of its own makes
                // it another of that company's rounds ("Its $30 million seed round in 2024 was led by A")
                boolean other = sr.amount != null && current.amount != null && !compatible(current.amount, sr.amount)
                        || sr.series != null && current.series != null && !sr.series.equals(current.series);
                if (other) {
                    r = new Round("r" + (all.size() + 1), current.investee);
                    all.add(r);
                    r.date = dealDate(v, sr, sr.triggers.isEmpty() ? null : sr.triggers.get(0));
                    r.status = Relations.status(v, false);
                } else {
                    r = current;
                }
            }
            if (r == null) {
                return;
            }
            if (r.date == null && !Relations.background(v) && (v.money().isEmpty()
                    || v.money().size() == 1 && r.amount != null && sr.amount != null && compatible(r.amount, sr.amount))) {
                // "J-Pharma has increased its series D to $21m. The July 2020 first close included A and B": with no
                // date where the round was first told (and no publication date), a later sentence of it gives one,
                // unless the date may be another figure's ("following their £4.1m investment in late 2019")
                r.date = dealDate(v, sr, sr.investeeTrigger != null ? sr.investeeTrigger : sr.triggers.isEmpty() ? null : sr.triggers.get(0));
            }
            if (r.amount == null && sr.amount != null) {
                r.amount = sr.amount.money();
            }
            if (sr.series != null && r.series == null) {
                r.series = sr.series;
            }
            for (Investor inv : sr.investors.values()) {
                if (inv.name().equals(r.investee)) {
                    continue;
                }
                Investor prev = r.investors.get(inv.name());
                if (prev == null || "lead".equals(inv.role()) && !"lead".equals(prev.role())
                        || prev.share() == null && inv.share() != null) {
                    r.investors.put(inv.name(), inv);
                    r.where.put(inv.name(), v);
                }
            }
            r.lastSentence = si;
            current = r;
            if (DEBUG) {
                System.err.println("   -> round " + r.id + " " + r.investee + " " + (r.amount == null ? "" : v(r.amount)) + " " + r.investors.keySet());
            }
        }

        /** The latest round of the document that the named party invests in, or null. */
        private Round roundInvestedBy(String name) {
            for (int k = all.size() - 1; k >= 0 && k >= all.size() - EARLIER_ROUNDS; k--) {
                Round r = all.get(k);
                if (!r.investee.equals(name) && r.investors.containsKey(name)) {
                    return r;
                }
            }
            return null;
        }

        /** An earlier round, not the current one, whose size is the one figure of this sentence; null if none or several. */
        private Round earlierBySize(Relations.View v) {
            if (current == null || v.money().size() != 1) {
                return null;
            }
            Money.Amount m = v.money().get(0);
            if (m.usd() == null || current.amount != null && sameSize(current.amount, m)) {
                return null;
            }
            // the latest rounds only: a news story tells of a handful, and looking through all of them at each
            // sentence made a document of thousands of rounds quadratic
            Round found = null;
            for (int k = all.size() - 1; k >= 0 && k >= all.size() - EARLIER_ROUNDS; k--) {
                Round r = all.get(k);
                if (r != current && r.amount != null && sameSize(r.amount, m)) {
                    if (found != null && !found.investee.equals(r.investee)) {
                        return null;
                    }
                    if (found == null) {
                        found = r; // the latest of them
                    }
                }
            }
            return found;
        }

        /** How many of the latest rounds a figure can name. */
        private static final int EARLIER_ROUNDS = 100;

        private static boolean sameSize(Money.Amount a, Money.Amount b) {
            return a.usd() != null && b.usd() != null && Math.abs(a.usd() - b.usd()) <= 0.01 * Math.max(a.usd(), b.usd());
        }

        private boolean compatible(Money.Amount a, Item b) {
            if (a == null || b == null) {
                return true;
            }
            Money.Amount m = b.money();
            if (a.usd() != null && m.usd() != null) {
                return Math.abs(a.usd() - m.usd()) <= 0.1 * Math.max(a.usd(), m.usd());
            }
            return a.amount() == m.amount() && java.util.Objects.equals(a.currency(), m.currency());
        }

        List<Relations.Draft> drafts() {
            List<Relations.Draft> out = new ArrayList<>();
            for (Round r : all) {
                if (r.investors.isEmpty()) {
                    continue;
                }
                // "raised $22m from Acme" is Acme's money; "from investors including Acme" names one of several
                Investor only = r.investors.values().iterator().next();
                // "…$51.5 million, including an investment of $18 million from X": a share smaller than the round
                // says others gave the rest
                boolean sole = r.investors.size() == 1 && only.viaFrom()
                        && !someOfSeveral.matcher(r.where.get(only.name()).s()).find()
                        && (only.share() == null || r.amount == null || only.share().amount() == r.amount.amount());
                for (Investor inv : r.investors.values()) {
                    Relations.View v = r.where.get(inv.name());
                    Money.Amount own = inv.share() != null ? inv.share() : sole ? r.amount : null;
                    Fact.Round round = sole ? null : new Fact.Round(r.id, r.amount == null ? null : r.amount.amount(),
                            r.amount == null ? null : r.amount.currency(), r.amount == null ? null : r.amount.usd(), r.series, inv.role());
                    out.add(new Relations.Draft(FactType.INVESTS_IN, inv.name(), r.investee, own == null ? null : own.amount(),
                            own == null ? null : own.currency(), own == null ? null : own.usd(), own == null ? "unknown" : own.qualifier(),
                            false, null, r.date, null, r.status == null ? Relations.status(v, false) : r.status,
                            v.sentence().index(), round != null, round));
                }
            }
            return out;
        }
    }
}
