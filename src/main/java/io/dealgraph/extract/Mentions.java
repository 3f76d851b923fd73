package io.dealgraph.extract;

import io.dealgraph.graph.CompanyNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity mentions in a sentence: names from the knowledge file (longest alias first) and organisations it has never
 * seen, recognised from their shape (capitalised name sequences, corporate endings) and from how the text uses them
 * (appositions, "startup X", deal positions). Unknown names are graded: {@code strong} ones are organisations on
 * their own evidence; weak ones only count where a relation pattern puts them in a party's slot.
 */
final class Mentions {

    enum Source { KNOWN, UNKNOWN, COREF, CANDIDATE, MODEL }

    /** Offsets within the sentence. {@code possessive}: followed by 's. */
    record Mention(int start, int end, String name, String type, Source source, boolean strong, boolean possessive) {
        boolean isOrg() {
            return "Company".equals(type) || "Cloud".equals(type);
        }

        /** Who can take part in a deal: companies, clouds, funds, people, governments (not chips). */
        boolean isParty() {
            return isOrg() || "Fund".equals(type) || "Person".equals(type) || "Government".equals(type);
        }

        Mention withName(String n, boolean s) {
            return new Mention(start, end, n, type, source, s, possessive);
        }
    }

    private static final Pattern APPOSITION = Pattern.compile(
            "^\\s*,\\s+(?:a|an|the)\\s+(?:[\\w\\-]+\\s+){0,4}?(?:startup|start-up|company|firm|maker|developer|provider|lab|laboratory|"
                    + "platform|fund|investor|venture firm|venture capital firm|unicorn|group|outfit|operator|designer|manufacturer|supplier|specialist|rival)\\b");
    /** Nouns of what a company is, after which a capitalised name is one ("dairy brand Country Delight"). */
    private static final List<String> ROLE_NOUNS = List.of("startup", "start-up", "company", "firm", "lab", "fund", "investors",
            "investor", "backers", "backer", "rival", "unicorn", "maker", "developer", "provider", "operator", "brand", "platform",
            "player", "insurer", "lender", "retailer", "manufacturer", "supplier", "producer", "miner", "carrier", "chain");
    /** Phrases of a deal after which a capitalised name is a party ("led by", "stake in"); their last words are {@link #ROLE_FINALS}. */
    private static final List<String> ROLE_PHRASES = List.of("led by", "co-led by", "participation from", "backed by", "funded by",
            "including", "such as", "from", "counts", "count", "invest\\w* in", "stake in", "investment in", "into", "backing", "backs",
            // French and Spanish: "avec la participation de", "auprès de", "dirigé par", "liderada por"
            "participation de", "participación de", "auprès de", "dirigé par", "dirigée par", "mené par", "menée par", "liderada por",
            "liderado por");
    private static final Pattern ROLE_BEFORE = Pattern.compile(
            "(?i)(?:" + String.join("|", ROLE_NOUNS) + "|" + String.join("|", ROLE_PHRASES) + ")\\s*(?:,\\s*)?(?:the\\s+)?$");
    private static final Pattern ROLE_AFTER = Pattern.compile(
            "^\\s*(?:-|–)?\\s*(?:,\\s*(?:which|who)\\s+(?:also\\s+|previously\\s+|recently\\s+|has\\s+|have\\s+|had\\s+)?)?(?:has\\s+|have\\s+|had\\s+|is\\s+|was\\s+|will\\s+|would\\s+|also\\s+)?(?:\\w+ly\\s+)?(?:backed|raised|raises|has raised|secured|secures|closed|closes|lands|landed|led|co-led|invested|invests|"
                    + "participated|joined|bagged|nabbed|announced|said|says|agreed|signed|will spend|pledged|committed|will invest|plans to|is investing|"
                    + "would invest|has agreed|agreed to|is set to|will lead|led|leads|takes|took|has taken|will take|wins|won|bought|buys|acquired|"
                    + "put|poured|pumped|trains|trained|uses|runs|rents|ordered|closed|taken|received|inked|struck|raising|seeking|"
                    + "in talks to raise|in talks with investors|valued at|was valued|is valued|drew|draws|attracted|"
                    // the same verbs in French, Spanish, Portuguese and German news: "Mutabilis reçoit un financement"
                    + "lève|a levé|vient de lever|réalise|a réalisé|reçoit|a reçu|boucle|a bouclé|obtient|a obtenu|annonce|"
                    + "levanta|ha levantado|cierra|ha cerrado|recauda|ha recaudado|obtiene|ha obtenido|consigue|capta|captou|recebe|recebeu|"
                    + "sammelt|hat\\s+\\S+\\s+(?:eingesammelt|erhalten)|erhält|schließt)(?![\\p{L}])");
    private static final Pattern PERSON_AFTER = Pattern.compile(
            "^\\s*(?:,\\s*(?:the\\s+|its\\s+|a\\s+)?(?:[\\w'’]+\\s+){0,3}?(?:CEO|chief|founder|co-founder|cofounder|president|chairman|analyst|partner|head|director|executive|spokesperson|spokesman|spokeswoman)|said|says|told|wrote)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERSON_BEFORE = Pattern.compile(
            "(?i)(?:CEO|chief executive|executive|founder|co-founder|cofounder|president|chairman|analyst|scientist|engineer|researcher|Mr\\.|Ms\\.|Dr\\.|said|according to|^by|reporting by|editing by|written by)\\s*$");

    private final Knowledge knowledge;
    private final Lexicon lexicon;

    /** The lexicon's places as {@link Lexicon#placeKey} keys. */
    private final Set<String> placeKeys;

    Mentions(Knowledge knowledge, Lexicon lexicon) {
        this.knowledge = knowledge;
        this.lexicon = lexicon;
        this.placeKeys = Lexicon.placeKeys(lexicon.places());
        boolean beyond = false;
        for (String w : lexicon.stopwords()) {
            char c = w.isEmpty() ? 0 : w.charAt(0);
            if (c < 128) {
                stopwordFirsts[c] = true;
            } else {
                beyond = true;
            }
        }
        this.stopwordFirstBeyondAscii = beyond;
    }

    /** First characters of the stop words: a token with none of them is looked up in no set. */
    private final boolean[] stopwordFirsts = new boolean[128];
    private final boolean stopwordFirstBeyondAscii;

    private boolean stopword(String w) {
        char c = w.isEmpty() ? 0 : w.charAt(0);
        return (c < 128 ? stopwordFirsts[c] : stopwordFirstBeyondAscii) && lexicon.stopwords().contains(w);
    }

    private static final Pattern TICKER_BEFORE = Pattern.compile("(?i)\\b(?:nasdaq|nyse|lse|tse|hkex|otc|tsx|euronext)\\s*:\\s*$");

    private static final Set<String> CONNECTORS = Set.of("of", "&", "-");
    /** Articles of French, Spanish, Italian, German and Portuguese news, capitalised after a run-on paragraph. */
    private static final Set<String> ARTICLES = Set.of("La", "Le", "Les", "L", "El", "Los", "Las", "Il", "Der", "Die", "Das", "Den", "Dem", "Os", "As", "O");

    /** ", which makes coding agents for banks, has closed": a relative clause between a name and its verb. */
    private static final Pattern RELATIVE_CLAUSE = Pattern.compile("^\\s*,\\s*(?:which|who|whose)\\b[^,;()]{1,100},");

    private static final Set<String> NOT_ORG_TAILS = Set.of("Act", "Law", "Bill", "Program", "Programme", "Initiative",
            "Project", "Summit", "Conference", "Award", "Prize", "Index", "Street", "Avenue", "Road", "Day", "Week",
            "Prefecture", "Province", "Oblast", "Canton");

    private static final Set<String> GLUED_SUFFIXES = Set.of("Capital", "Ventures", "Venture", "Partners", "Fund", "Management", "Catalyst",
            "Holdings", "Technologies", "Systems", "Labs", "Lab", "Bank", "Research", "Robotics", "Group");

    /** Title Case Headlines capitalise every word, so capitals say nothing about names there. */
    private static boolean headline(List<Tokens.Token> toks) {
        int words = 0;
        int caps = 0;
        for (Tokens.Token t : toks) {
            if (t.isWord() && Character.isLetter(t.text().charAt(0)) && t.text().length() > 3) {
                words++;
                if (Character.isUpperCase(t.text().charAt(0))) {
                    caps++;
                }
            }
        }
        Tokens.Token last = toks.isEmpty() ? null : toks.get(toks.size() - 1);
        if (last != null && (last.text().equals(".") || last.text().equals("\""))) {
            return false; // headlines carry no final period; short sentences full of names do
        }
        return words >= 3 && caps * 10 >= words * 7;
    }

    List<Mention> find(String s) {
        List<Tokens.Token> toks = Tokens.of(s);
        boolean headline = headline(toks);
        List<Mention> out = new ArrayList<>();
        int n = toks.size();
        int i = 0;
        lowercaseBrandAt(s, toks, out);
        while (i < n) {
            int known = knownAt(s, toks, i, out, headline);
            if (known > i) {
                i = known;
                // "Mistral AI SAS", "Anthropic PBC": an ending (graph/company-names.yaml) is part of the known name, not a
                // company of its own
                while (i < n && toks.get(i).word() && toks.get(i).start() == toks.get(i - 1).end() + 1
                        && CompanyNames.isEnding(toks.get(i).text())) {
                    i++;
                }
                continue;
            }
            Tokens.Token t = toks.get(i);
            if (t.isWord() && lexicon.openersBeforeOf().contains(t.text()) && i + 1 < n && toks.get(i + 1).text().equals("of")) {
                i += 2; // "Outside of AI, …": an adverbial phrase, not a name
                continue;
            }
            if (t.isWord() && stopword(t.text()) && !lexicon.orgSuffixes().contains(t.text())
                    && i + 1 < n && knowledge.firstTokens.contains(toks.get(i + 1).lower())) {
                i++; // "The European Commission": a stopword never starts a name; the known one after it may
                continue;
            }
            if (t.isWord() && (t.isCapitalised() || digitLedName(toks, i))) {
                i = unknownAt(s, toks, i, out, headline);
            } else {
                i++;
            }
        }
        if (!out.isEmpty() && out.get(0).start() < 3 && out.get(0).source() == Source.UNKNOWN && DATELINE.matcher(s).lookingAt()) {
            out.remove(0); // "PARIS — Aubade AI ... said it had raised": the city is no name "it" may stand for
        }
        int dated = datedDatelineEnd(s);
        if (dated > 0) {
            out.removeIf(m -> m.end() <= dated); // "Redmond, Washington, November 3, 2025 - Microsoft has struck…"
        }
        out.removeIf(m -> m.source() != Source.KNOWN && notAName(s, m.name(), m.start(), m.end()));
        // "U.S. AI firm Anthropic", "China AI startups": a country before "AI" says where, it names nothing
        out.removeIf(m -> m.source() != Source.KNOWN && m.name().endsWith(" AI")
                && placeKeys.contains(Lexicon.placeKey(m.name().substring(0, m.name().length() - 3))));
        listSiblings(s, out);
        // "The Murray family led the round": a family that invests is named with its word
        out.replaceAll(m -> m.source() != Source.KNOWN && FAMILY_AFTER.matcher(s).region(m.end(), s.length()).lookingAt()
                && THE_BEFORE.matcher(s).region(Math.max(0, m.start() - 4), m.start()).find()
                ? new Mention(m.start(), m.end() + 7, m.name() + " family", "Company", m.source(), true, s.startsWith("'s", m.end() + 7)
                        || s.startsWith("’s", m.end() + 7)) : m);
        return out;
    }

    /** A capitalised run of one to three words that fills a list slot by itself. */
    private static final String SLOT_NAME = "(\\p{Lu}[\\p{L}&’'.-]*(?:\\s+\\p{Lu}[\\p{L}&’'.-]*){0,2})";
    private static final Pattern SIBLING_AFTER = Pattern.compile("^\\s*,\\s+(?:and\\s+)?" + SLOT_NAME + "(?=\\s*,|\\s+and\\s|\\s*\\.\\s*$)");
    private static final Pattern SIBLING_BEFORE = Pattern.compile("(?:^|,\\s+|\\band\\s+)" + SLOT_NAME + ",\\s+$");
    private static final Pattern LIST_DEAL_WORD = Pattern.compile("(?i)\\b(?:participat|invest|backer|backed|led\\b|co-led|joined|round)");

    /**
     * "Wellington, Sequoia Capital, B Capital, Light Street and existing investors Sands Capital…": in a list of
     * investors, a capitalised run that fills a slot next to a company's name is a name too, even one that reads as a
     * place or a street. Only in a sentence about a deal, and only beside an organisation the rules already named.
     */
    private void listSiblings(String s, List<Mention> out) {
        long orgs = out.stream().filter(Mentions::listAnchor).count();
        if (orgs < 2 || s.indexOf(',') < 0 || !LIST_DEAL_WORD.matcher(s).find()) {
            return;
        }
        List<Mention> added = new ArrayList<>();
        for (Mention m : out) {
            if (!listAnchor(m)) {
                continue;
            }
            Matcher after = SIBLING_AFTER.matcher(s).region(m.end(), s.length());
            if (after.lookingAt()) {
                sibling(s, after.start(1), after.end(1), out, added);
            }
            Matcher before = SIBLING_BEFORE.matcher(s).region(Math.max(0, m.start() - 60), m.start());
            if (before.find()) {
                sibling(s, before.start(1), before.end(1), out, added);
            }
        }
        if (!added.isEmpty()) {
            out.addAll(added);
            out.sort((x, y) -> Integer.compare(x.start(), y.start()));
        }
    }

    /**
     * An organisation named in the text, not a reference. A doubted candidate counts: "Stephen Industries, Holdix, and
     * Turret" chains through "Holdix".
     */
    private static boolean listAnchor(Mention m) {
        return m.isOrg() && m.source() != Source.COREF;
    }

    private void sibling(String s, int start, int end, List<Mention> out, List<Mention> added) {
        String name = s.substring(start, end);
        String first = name.split("\\s+")[0];
        if (stopword(first) || notAName(s, name, start, end)) { // the lexicon's stopwords hold months and sentence openers
            return;
        }
        for (List<Mention> ms : List.of(out, added)) {
            for (int k = 0; k < ms.size(); k++) {
                Mention o = ms.get(k);
                if (o.start() == start && o.end() == end && o.source() == Source.CANDIDATE) {
                    ms.set(k, new Mention(start, end, o.name(), o.type(), Source.UNKNOWN, o.strong(), o.possessive()));
                    return; // a name the rules doubted, confirmed by its place in the list
                }
                if (o.start() < end && o.end() > start) {
                    return;
                }
            }
        }
        added.add(new Mention(start, end, name, "Company", Source.UNKNOWN, false, false));
    }

    private static final Pattern FAMILY_AFTER = Pattern.compile(" family\\b(?!\\s+(?:office|offices|trust|foundation|fund|holding))");
    private static final Pattern THE_BEFORE = Pattern.compile("(?:^|\\s)(?:[Tt]he\\s+)$");

    /**
     * Words shaped like a name, found by the rules or the model, that are none here: see {@link #NEVER_A_NAME}; the
     * letter after "Series"; a stock ticker after a company; initials or a sector word ending in "tech" that say what
     * kind of company or investor follows.
     */
    static boolean notAName(String s, String name, int start, int end) {
        if (NEVER_A_NAME.matcher(name).matches() || SERIES_BEFORE.matcher(s.substring(0, start)).find() || LONE_ORG_WORD.contains(name)) {
            return true;
        }
        if (UNITS.contains(name.toUpperCase(java.util.Locale.ROOT)) && FIGURE_BEFORE.matcher(s).region(Math.max(0, start - 12), start).find()) {
            return true; // "targets 5 GW of capacity": a unit after its figure
        }
        if (name.matches("[A-Z][A-Z0-9]{1,5}") && inTickerBrackets(s, start, end)) {
            return true;
        }
        if (name.indexOf(' ') < 0 && name.length() > 5 && name.toLowerCase(java.util.Locale.ROOT).endsWith("tech")
                && KIND_OF_COMPANY_AFTER.matcher(s).region(end, s.length()).lookingAt()) {
            return true; // "FreightTech startup Cargado": a sector word in the shape of a name
        }
        return name.matches("[A-Z]{2,5}") && (TICKER_AFTER_NAME.matcher(s.substring(Math.max(0, start - 24), start)).find()
                || KIND_OF_INVESTOR_AFTER.matcher(s).region(end, s.length()).lookingAt()
                || KIND_OF_COMPANY_AFTER.matcher(s).region(end, s.length()).lookingAt());
    }

    /** "BMW i Ventures" read in two: a word that only ends a firm's name is no name alone. */
    private static final Set<String> LONE_ORG_WORD = Set.of("Ventures", "Capital", "Partners", "Holdings", "Group", "Fund", "Funds",
            "Investments", "Management", "Equity", "Advisors", "Associates");
    private static final Pattern FIGURE_BEFORE = Pattern.compile("\\d\\s?$");
    /** "EV maker Ather", "SaaS startup Zylo": initials that say what kind of company the next name is. */
    private static final Pattern KIND_OF_COMPANY_AFTER = Pattern.compile(
            "^\\s+(?:makers?|start-?ups?|compan(?:y|ies)|firms?|platforms?|providers?|developers?|manufacturers?|players?|sector|industry|specialists?)\\s+\\p{Lu}");
    /** "(ASX, LON, JSE:S32)", "(TSX:AZ)": brackets holding nothing but exchange codes and a ticker. */
    private static final Pattern TICKER_BRACKETS = Pattern.compile("\\([A-Z0-9 ,.]*[A-Z]+\\s?:\\s?[A-Z0-9.]+[A-Z0-9 ,:.]*\\)");

    private static boolean inTickerBrackets(String s, int start, int end) {
        int open = s.lastIndexOf('(', start);
        int close = s.indexOf(')', end);
        return open >= 0 && close > 0 && open >= start - 40 && close <= end + 40 && s.lastIndexOf(')', start) < open
                && TICKER_BRACKETS.matcher(s).region(open, close + 1).matches();
    }

    /** Legal forms that end a company's name ("Inc.", "Co., Ltd.", "GmbH"), as one regular-expression alternation. */
    static final String LEGAL_FORM = "Ltd\\.?|L\\.?L\\.?C\\.?|LLP|L\\.?P\\.?|Inc\\.?|Co\\.?|Corp\\.?|GmbH|S\\.?A\\.?|AG|SE|PLC|plc|Pvt\\.?(?: Ltd\\.?)?";

    /** "Nvidia Corp. NVDA", "Intel Corp.'s INTC venture arm", "an Amazon.com Inc.-affiliated AMZN fund": a ticker after a company. */
    private static final Pattern TICKER_AFTER_NAME = Pattern.compile("(?:" + LEGAL_FORM + ")(?:['’]s|-affiliated)?\\s+$");
    /** "UHNW and HNW family offices", "the leading UK EIS fund": initials that say what kind of investor follows. */
    private static final Pattern KIND_OF_INVESTOR_AFTER = Pattern.compile(
            "^(?:\\s*(?:and|or|&|/)\\s*[A-Z]{2,5})?\\s+(?:family\\s+offices?|investors?|funds?|fund\\s+managers?|backers?|angels?|individuals?)\\b");
    /** "a Series A2 round": what follows "Series" names the round. */
    private static final Pattern SERIES_BEFORE = Pattern.compile("\\b[Ss]eries\\s+$");
    /**
     * Never a name: a legal form left over from a list ("Co., Ltd."), a fiscal period ("FY25", "Q3 2024"), a
     * nationality with its compass point ("South Korean").
     */
    static final Pattern NEVER_A_NAME = Pattern.compile(
            "(?:" + LEGAL_FORM + ")"
                    + "|(?:FY|CY|H[12]|Q[1-4])(?:\\s?['’]?\\d{2,4})?"
                    + "|(?:South|North|East|West|Central|Southeast|Latin|Middle)(?:\\s+\\p{Lu}\\p{Ll}+(?:an|ese|ish|i))?"
                    // "The Indian VC fund Lumikai", "an Asian VC": a nationality before "VC" describes the name after it
                    + "|\\p{Lu}\\p{Ll}+(?:an|ese|ish|i|ch)\\s+VCs?"
                    // "Three AI chip startups": a count of companies before "AI"
                    + "|(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|Many|Some|Both|Most|Other|More)\\s+AI"
                    // a press release's defined terms for the deal itself: the "Share Issue", the "Private Placement"
                    + "|(?:Directed\\s+|Rights\\s+|New\\s+)?(?:Share|Shares|Private|Equity|Public|Rights|Directed)\\s+"
                    + "(?:Issue|Issuance|Offering|Placement|Subscription)");

    /**
     * A press release's dateline: a place in ordinary capitals, perhaps its state or country, then the day, then a dash
     * ("Redmond, Washington, November 3, 2025 -", "Kemptthal, Switzerland, September 1, 2022 -"). The date makes it
     * one; without it "Lumen Bio, a Boston start-up -" would be a name.
     */
    static final java.util.regex.Pattern DATED_DATELINE = java.util.regex.Pattern.compile(
            "^\\s*\\p{Lu}[\\p{L}.'’]+(?:[ -]\\p{Lu}[\\p{L}.'’]+){0,3}(?:,\\s*\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+){0,2})?,\\s*"
                    + "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2},?\\s*\\d{4}"
                    + "(?:\\s*/[^/\\n]{1,40}/)?\\s*[—–-]{1,2}\\s*");

    /** Where a press release's dated dateline ends ({@link #DATED_DATELINE}), or -1. */
    static int datedDatelineEnd(String s) {
        java.util.regex.Matcher d = DATED_DATELINE.matcher(s);
        return d.lookingAt() && d.end() < s.length() ? d.end() : -1;
    }

    /** A dateline's city in capitals, then a dash or a news agency in brackets: "PARIS —", "HONG KONG (Reuters) -". */
    static final java.util.regex.Pattern DATELINE = java.util.regex.Pattern.compile(
            "^\\s*[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}\\s*(?:\\([A-Za-z .]+\\)\\s*)?[—–-]{1,2}\\s");

    /** Longest known alias starting at token i; returns the token index after it, or i. */
    private int knownAt(String s, List<Tokens.Token> toks, int i, List<Mention> out, boolean headline) {
        Tokens.Token first = toks.get(i);
        if (!first.isWord() || !(first.isCapitalised() || Character.isDigit(first.text().charAt(0)) || hasDigit(first.text()))) {
            return i;
        }
        if (!knowledge.firstTokens.contains(first.lower())) {
            return i;
        }
        StringBuilder key = new StringBuilder();
        int best = -1;
        Knowledge.Entity bestE = null;
        for (int j = i; j < toks.size() && j < i + knowledge.maxAliasTokens; j++) {
            Tokens.Token t = toks.get(j);
            if (j > i && t.start() - toks.get(j - 1).end() > 1) {
                break;
            }
            if (j > i) {
                key.append(' ');
            }
            key.append(t.lower());
            String k = key.toString();
            if (!knowledge.aliasPrefixes.contains(k)) {
                break; // no alias goes on from here
            }
            Knowledge.Entity e = knowledge.byAlias.get(k);
            if (e != null && t.isWord()) {
                // "Amazon" inside "Amazon Bedrock" is matched by the longer alias; a bare alias must end the word run
                best = j;
                bestE = e;
            }
        }
        if (bestE == null) {
            return i;
        }
        // A known short name glued to further capitalised words is a different, longer name ("Mistral Capital"; the
        // chip name in "Cobalt Peak Ventures")
        if (gluedToLongerName(toks, best + 1)) {
            return i;
        }
        int start = first.start();
        int end = toks.get(best).end();
        int arm = !"investor".equals(bestE.kind()) ? -1 : Math.max(regionAfter(toks, best + 1), headline ? -1 : vehicleAfter(toks, best + 1));
        if (arm > best) {
            // "Sequoia Capital India", "Sequoia Heritage": an investor's regional fund or vehicle is an investor of its
            // own, named as the text names it (what the knowledge file knows is the global firm)
            int armEnd = toks.get(arm).end();
            out.add(new Mention(start, armEnd, s.substring(start, armEnd), bestE.type(), Source.UNKNOWN, true, possessiveAt(toks, arm + 1)));
            return arm + 1;
        }
        out.add(new Mention(start, end, bestE.name(), bestE.type(), Source.KNOWN, true, possessiveAt(toks, best + 1)));
        return best + 1;
    }

    /**
     * The last token of a country or region named right after a name, one space away ("India" in "Sequoia Capital
     * India", "Latin America" in "SoftBank Latin America"), or -1; a possessive or lower-case word after a name is none.
     */
    private int regionAfter(List<Tokens.Token> toks, int k) {
        StringBuilder words = new StringBuilder();
        int found = -1;
        for (int j = k; j < toks.size() && j < k + 2; j++) {
            Tokens.Token t = toks.get(j);
            if (!capitalisedNext(toks, j)) {
                break;
            }
            if (j > k) {
                words.append(' ');
            }
            words.append(t.text());
            if (placeKeys.contains(Lexicon.placeKey(words.toString()))) {
                found = j;
            }
        }
        return found;
    }

    /**
     * The last word of a vehicle's name right after an investor's ("Heritage" in "Sequoia Heritage", "Tactical Value"
     * in "Morgan Stanley Tactical Value"): up to three capitalised words, one space apart, none a stop word, a place
     * or the start of a name the knowledge file knows; -1 if none. Not in Title Case headlines, where every word has a
     * capital.
     */
    private int vehicleAfter(List<Tokens.Token> toks, int k) {
        int found = -1;
        for (int j = k; j < toks.size() && j < k + 3; j++) {
            Tokens.Token t = toks.get(j);
            if (!capitalisedNext(toks, j) || stopword(t.text())
                    || placeKeys.contains(Lexicon.placeKey(t.text())) || knowledge.firstTokens.contains(t.lower())
                    || t.text().chars().allMatch(Character::isUpperCase)) {
                break;
            }
            found = j;
        }
        return found;
    }

    /** Token j is a capitalised word one space after the token before it: the name may go on with it. */
    private static boolean capitalisedNext(List<Tokens.Token> toks, int j) {
        Tokens.Token t = toks.get(j);
        return t.isWord() && t.isCapitalised() && t.start() - toks.get(j - 1).end() == 1;
    }

    /** "BlackRock Private Equity Partners", "Samsung Catalyst Fund": a known short name inside a longer one. */
    private boolean gluedToLongerName(List<Tokens.Token> toks, int k) {
        for (int j = k; j < toks.size() && j < k + 4; j++) {
            Tokens.Token t = toks.get(j);
            if (!capitalisedNext(toks, j)) {
                return false;
            }
            if (GLUED_SUFFIXES.contains(t.text())) {
                return true;
            }
        }
        return false;
    }

    /** "INR 389", "USD 50": a currency code before a figure is an amount, never a name. */
    private static final Pattern CURRENCY_FIGURE = Pattern.compile(
            "(?:INR|USD|EUR|GBP|JPY|CNY|RMB|CHF|SGD|AUD|CAD|HKD|SEK|NOK|DKK|KRW|BRL|AED|SAR|Rs)\\.?\\s*[\\d.,]+.*");

    private static boolean hasDigit(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Character.isDigit(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean possessiveAt(List<Tokens.Token> toks, int k) {
        return k + 1 < toks.size() && toks.get(k).text().equals("'") && toks.get(k + 1).text().equalsIgnoreCase("s")
                && toks.get(k).start() == toks.get(k - 1).end();
    }

    /**
     * Token j is the apostrophe of "'s" inside a company's name: the run after it is capitalised words ending in a
     * legal form ("Dr. Agarwal's Health Care Ltd", "Byju's Learning Pvt Ltd"), not a possessive before a noun.
     */
    private static boolean possessiveInsideName(List<Tokens.Token> toks, int j) {
        if (!possessiveAt(toks, j) || j + 2 >= toks.size() || !capitalisedNext(toks, j + 2)) {
            return false;
        }
        for (int k = j + 2; k < toks.size() && k < j + 7 && capitalisedNext(toks, k); k++) {
            if (CompanyNames.isLegalForm(toks.get(k).text())) {
                return true;
            }
        }
        return false;
    }

    /** Words of the stopword list that open a name when written with a capital inside a sentence ("Singapore-based Next Gen"). */
    private static final Set<String> NAME_OPENERS = Set.of("Next", "Big", "Key", "Top");

    /**
     * The stopword at {@code from} is the first word of a name, capitalised after a lower-case word of the sentence
     * (not at its start or after a quote or colon): one of {@link #NAME_OPENERS} followed by a capitalised word that is
     * no stopword ("Next Gen", but not "Big Tech"), or any stopword heading a run that ends like a firm's name.
     */
    private boolean nameOpener(List<Tokens.Token> toks, int from, int last) {
        if (from >= last) {
            return false;
        }
        Tokens.Token before = from == 0 ? null : toks.get(from - 1);
        String b = before == null ? "" : before.text();
        boolean afterLowerWord = before != null && before.isWord()
                && (Character.isLowerCase(b.charAt(0)) || b.indexOf('-') > 0 && Character.isLowerCase(b.charAt(b.length() - 1)));
        if ((before == null || afterLowerWord || from == 1 && stopword(b)) && placeHead(toks, from)) {
            return true;
        }
        if (!afterLowerWord) {
            return false;
        }
        // "joined by At One Ventures", "firm Gulf Islamic Investments", "from I Squared Capital": inside a sentence,
        // a capitalised stopword at the head of a run that ends like a firm's name is part of that name
        boolean ownWord = false;
        for (int k = from + 1; k <= last; k++) {
            ownWord |= toks.get(k).isWord() && !stopword(toks.get(k).text());
        }
        return NAME_OPENERS.contains(toks.get(from).text()) && !stopword(toks.get(from + 1).text())
                || ownWord && lexicon.orgSuffixes().contains(toks.get(last).text()) && !lexicon.titles().contains(toks.get(from).text());
    }

    /**
     * A country or city written as a noun straight before a capitalised word of a name's own heads that name: "Taiwan
     * Mobile", "China Mobile", "Singapore Airlines", "Korea Zinc". The adjective ("Taiwanese firm Systex") or a
     * descriptor from the stopword list between them ("Taiwan AI startup iKala") leaves the place out.
     */
    private boolean placeHead(List<Tokens.Token> toks, int at) {
        if (at + 1 >= toks.size() || !placeKeys.contains(Lexicon.placeKey(toks.get(at).text()))) {
            return false;
        }
        Tokens.Token next = toks.get(at + 1);
        return next.isWord() && next.isCapitalised() && next.start() == toks.get(at).end() + 1 && !stopword(next.text())
                && !acronym(next.text()) && !lexicon.titles().contains(next.text());
    }

    /**
     * "All-Star Games": a word joined by a hyphen, without spaces, to the capitalised word after it is part of one word,
     * unless that word is no name's either ("British-German", "April-June").
     */
    private boolean hyphenJoined(List<Tokens.Token> toks, int at, int last) {
        return at + 2 <= last && toks.get(at + 1).text().equals("-") && toks.get(at + 1).start() == toks.get(at).end()
                && toks.get(at + 2).start() == toks.get(at + 1).end() && !stopword(toks.get(at + 2).text());
    }

    /** A run of capitalised words not in the knowledge file; returns the index after the run. */
    private int unknownAt(String s, List<Tokens.Token> toks, int i, List<Mention> out, boolean headline) {
        int j = i;
        int last = i;
        while (j < toks.size()) {
            Tokens.Token t = toks.get(j);
            if (j > i && knowledge.byAlias.containsKey(t.lower()) && !lexicon.orgSuffixes().contains(t.text())) {
                break;
            }
            if (j > i && lexicon.titles().contains(t.text())) {
                break; // "Twitter CEO Parag Agrawal": a title separates a company from a person
            }
            if (j > i && !t.isCapitalised() && hasDigit(t.text()) && numberGoesOn(toks, j)) {
                break; // "Deploy 20,000+ GPUs": a figure's first digits are no part of a name ("Fund 3" is)
            }
            if (t.isWord() && (t.isCapitalised() || (hasDigit(t.text()) && (j > i || digitLedName(toks, j))))) {
                last = j;
                j++;
            } else if (j > i && (t.text().equals("&") || t.text().equals("of") || t.text().equals("-"))
                    && j + 1 < toks.size() && toks.get(j + 1).isCapitalised() && toks.get(j + 1).isWord()
                    && (!t.text().equals("-") || (toks.get(j + 1).start() == t.end() && t.start() == toks.get(j - 1).end()))) {
                j++;
            } else if (j > i && t.text().equals("and") && j + 1 < toks.size() && toks.get(j - 1).isCapitalised()
                    && lexicon.namePairNouns().contains(toks.get(j + 1).text())
                    && (j + 2 >= toks.size() || !toks.get(j + 2).isCapitalised())) {
                j++; // "Boond Engineering and Development", "NxtGen Datacenter and Technologies": "and" inside a name
            } else if (j > i && (t.text().equals("'") || t.text().equals("’")) && t.start() == toks.get(j - 1).end()
                    && toks.get(j - 1).text().endsWith("s") && j + 1 < toks.size() && toks.get(j + 1).isWord()
                    && toks.get(j + 1).isCapitalised() && toks.get(j + 1).start() == t.end() + 1) {
                j++; // "Ontario Teachers' Pension Plan": a plural possessive inside a name
            } else if (j > i && t.text().length() == 1 && Character.isLowerCase(t.text().charAt(0)) && j + 1 < toks.size()
                    && capitalisedNext(toks, j + 1) && lexicon.orgSuffixes().contains(toks.get(j + 1).text())) {
                j++; // "BMW i Ventures": a lower-case letter of a brand inside a firm's name
            } else if (j > i && possessiveInsideName(toks, j)) {
                j += 2; // "Dr. Agarwal's Health Care Ltd": a founder's possessive opens a company's name
            } else if (j > i && t.text().equals(".") && t.start() == toks.get(j - 1).end()
                    && (toks.get(j - 1).text().length() == 1 || Set.of("Inc", "Co", "Corp", "Ltd").contains(toks.get(j - 1).text())
                    || toks.get(j - 1).text().equals("Dr") && possessiveInsideName(toks, j + 2))) {
                j++;
            } else {
                break;
            }
            if (j > i + 6) {
                break;
            }
        }
        int from = i;
        while (from <= last && (stopword(toks.get(from).text()) && !nameOpener(toks, from, last) && !hyphenJoined(toks, from, last)
                || CONNECTORS.contains(toks.get(from).text())
                || from < last && lexicon.titles().contains(toks.get(from).text()) && !lexicon.orgSuffixes().contains(toks.get(last).text()))) {
            // "Most of Midjourney", "Chief Scientist Ilya Sutskever": no stopword, connector or title opens a name,
            // unless the run ends like a firm's name ("VP Venture Partners")
            from++;
        }
        int to = last;
        while (to >= from && (stopword(toks.get(to).text()) && !lexicon.orgSuffixes().contains(toks.get(to).text())
                    && !(to > from + 1 && toks.get(to - 1).text().equals("of"))
                || to > from + 1 && ARTICLES.contains(toks.get(to).text()))) {
            // "Inserm Transfert La société": an article opens the next words, never ends a name of two words or more;
            // a place after "of" is the name's own ("Bank of America", "Innovation Network Corporation of Japan")
            to--;
        }
        if (from > to) {
            return last + 1;
        }
        // "Dario Amodei", "CEO Sam Altman": people are not companies
        Tokens.Token head = toks.get(from);
        int start = head.start();
        int end = toks.get(to).end();
        String name = s.substring(start, end);
        // "Vantiq Robotics Inc." and "Vantiq Robotics" are one company: the legal form is not part of the name
        int nameTo = to;
        while (nameTo > from && (CompanyNames.isLegalForm(toks.get(nameTo).text())
                || toks.get(nameTo).text().equals(".") && nameTo - 1 > from && CompanyNames.isLegalForm(toks.get(nameTo - 1).text()))) {
            nameTo--; // "Pvt. Ltd": the dot after a legal form goes with it
        }
        boolean legalForm = nameTo < to;
        if (legalForm) {
            name = s.substring(start, toks.get(nameTo).end());
        }
        String seatless = withoutSeat(name);
        if (!legalForm && seatless.length() < name.length()) {
            while (to > from && toks.get(to).end() > start + seatless.length()) {
                to--;
            }
            name = seatless;
            end = toks.get(to).end();
        }
        // a one-letter head starts a longer name: "J-Pharma", "B Capital Group", "T. Rowe Price"
        // ("I Squared Capital": a stopword that survived at the head was kept as the name's first word;
        // "1-India Family Mart": a digit joined to the next word)
        boolean initial = to > from && (Character.isUpperCase(head.text().charAt(0)) || Character.isDigit(head.text().charAt(0))
                && toks.get(from + 1).text().equals("-"));
        if (head.text().length() < 2 && !initial || digitsAndSpaces(name) || CURRENCY_FIGURE.matcher(name).matches()) {
            return last + 1;
        }
        boolean orgEnding = lexicon.orgSuffixes().contains(toks.get(to).text()) && to > from || legalForm;
        if (lexicon.firstNames().contains(head.text()) || !orgEnding && to > from && PERSON_AFTER.matcher(s).region(end, s.length()).lookingAt()
                || lastWordIn(s, start, PERSON_FINALS) && PERSON_BEFORE_AT.in(s.substring(Math.max(0, start - 30), start))) {
            return last + 1;
        }
        if (NOT_ORG_TAILS.contains(toks.get(to).text())) {
            return last + 1; // "CHIPS Act", "Inflation Reduction Act": laws and programmes
        }
        if (placeAdjective(s, end) || seatBefore(s, start)) {
            return last + 1; // "Paris-based", "based in Fujisawa": a place
        }
        if (start > 0 && s.charAt(start - 1) == '(' || colonIn(s, Math.max(0, start - 12), start)
                && TICKER_BEFORE.matcher(s).region(Math.max(0, start - 12), start).find()) {
            return last + 1; // "Nvidia (NVDA.O)", "(NASDAQ: NVDA)": stock tickers
        }
        boolean suffix = lexicon.orgSuffixes().contains(toks.get(to).text()) && to > from || legalForm;
        boolean camel = head.text().length() > 2 && Character.isLowerCase(head.text().charAt(0)) || innerCaps(head.text())
                || to == from && (acronym(head.text()) || lettersAndDigits(head.text()));
        // the pattern checks are the costly part: only run those the cheap evidence leaves open
        boolean apposition = (headline || !suffix) && APPOSITION.matcher(s).region(end, s.length()).lookingAt();
        boolean label = labelsAFigure(s, start, end);
        if (headline && !(suffix && GLUED_SUFFIXES.contains(toks.get(to).text()) || apposition || label)) {
            return last + 1;
        }
        boolean decided = suffix || apposition || camel && to == from;
        // find() in a region with opaque, anchoring bounds: the same as in that substring
        boolean roleBefore = !decided && (basedBefore(s, start) || lastWordIn(s, start, ROLE_FINALS)
                && ROLE_BEFORE_AT.in(s.substring(Math.max(0, start - 40), start)));
        boolean roleAfter = ROLE_AFTER.matcher(s).region(end, s.length()).lookingAt();
        // "chip startup Etched.ai secured $120 million": a one-word name both described and the subject of a deal verb
        boolean strong = decided || roleBefore && (to > from || roleAfter) || afterRelativeClause(s, end) || label;
        boolean weakOk = strong || roleBefore || camel || to > from && from > 0 || roleAfter || listedAfterOrg(s, out, start);
        // not enough on its own; becomes a mention if the document shows the same name to be an organisation
        out.add(new Mention(start, end, name, "Company", weakOk ? Source.UNKNOWN : Source.CANDIDATE, strong, possessiveAt(toks, to + 1)));
        return last + 1;
    }

    /** Where ROLE_BEFORE and PERSON_BEFORE (case-insensitive, neither opening with \\b) may begin a match. */
    private static final Starts ROLE_BEFORE_AT = Starts.ignoringCase(ROLE_BEFORE, java.util.stream.Stream.concat(ROLE_NOUNS.stream(),
            ROLE_PHRASES.stream().map(ph -> ph.replace("\\w* in", ""))).toArray(String[]::new));
    private static final Starts PERSON_BEFORE_AT = Starts.ignoringCase(PERSON_BEFORE, "ceo", "chief executive", "executive", "founder",
            "co-founder", "cofounder", "president", "chairman", "analyst", "scientist", "engineer", "researcher", "mr.", "ms.", "dr.",
            "said", "according to", "by", "reporting by", "editing by", "written by");

    /** TICKER_BEFORE needs a colon. */
    private static boolean colonIn(String s, int from, int to) {
        int c = s.indexOf(':', from);
        return c >= 0 && c < to;
    }

    private static boolean digitsAndSpaces(String name) {
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (!(Character.isDigit(c) || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern PARTICIPLE_AFTER = Pattern.compile(",\\s*(?:backed|funded|founded|co-founded|owned|spun out|led)\\s+(?:\\w+\\s+)?by\\b");

    private static final Pattern ROW_START = Pattern.compile("^[\\s|*\\-•#]*$");
    private static final Pattern LABEL_FIGURE = Pattern.compile("\\**\\s*(?:—|–|:|\\|)\\s*(?:US\\$|[$€£¥]|about \\$|up to \\$)");

    /** "- Harvey — $300 million Series D", "| Amazon | $4 billion |": a row's label with a figure after it. */
    private static boolean labelsAFigure(String s, int start, int end) {
        return ROW_START.matcher(s).region(0, start).matches() && LABEL_FIGURE.matcher(s).region(end, s.length()).lookingAt();
    }

    // the last words ROLE_BEFORE and PERSON_BEFORE can end with: most names follow none, and skip the patterns
    private static final Set<String> ROLE_FINALS = java.util.stream.Stream.concat(ROLE_NOUNS.stream(),
            ROLE_PHRASES.stream().map(ph -> ph.substring(ph.lastIndexOf(' ') + 1))).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> PERSON_FINALS = Set.of("ceo", "executive", "founder", "co-founder", "cofounder", "president",
            "chairman", "analyst", "scientist", "engineer", "researcher", "mr.", "ms.", "dr.", "said", "to", "by", "");

    /** The word before {@code start}, past spaces, a comma and "the", lower-cased, is one of {@code finals}. */
    private static boolean lastWordIn(String s, int start, Set<String> finals) {
        int e = start;
        while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == ',')) {
            e--;
        }
        int b = e;
        while (b > 0 && (Character.isLetter(s.charAt(b - 1)) || s.charAt(b - 1) == '-' || s.charAt(b - 1) == '.')) {
            b--;
        }
        String w = s.substring(b, e).toLowerCase(Locale.ROOT);
        if (w.equals("the") && b > 0) {
            return lastWordIn(s, b, finals);
        }
        return finals.contains(w);
    }

    private static final Pattern SEAT_BEFORE = Pattern.compile("(?i)\\b(?:based|headquartered|located|situated)\\s+in\\s+$");

    /** "a biotech based in Fujisawa", "headquartered in Espoo": what follows is a place, never a party. */
    static boolean seatBefore(String s, int start) {
        int from = Math.max(0, start - 24);
        return SEAT_BEFORE.matcher(s).region(from, start).find();
    }

    /** "Oslo-based Fjordline", "Nvidia-backed Harvey": a compound adjective of place or backer before a name. */
    private static boolean basedBefore(String s, int start) {
        int e = start;
        while (e > 0 && s.charAt(e - 1) == ' ') {
            e--;
        }
        return e < start && (s.startsWith("-based", e - 6) || s.startsWith("-backed", e - 7));
    }

    private static boolean afterRelativeClause(String s, int end) {
        if (end >= s.length() || s.charAt(end) != ',') {
            return false;
        }
        if (PARTICIPLE_AFTER.matcher(s).region(end, s.length()).lookingAt()) {
            return true; // "Brightwave, backed by Decibel,": a participle clause about an organisation
        }
        Matcher rc = RELATIVE_CLAUSE.matcher(s).region(end, s.length());
        return rc.lookingAt() && ROLE_AFTER.matcher(s).region(rc.end(), s.length()).lookingAt();
    }

    /**
     * "poolside, the Paris-based AI coding startup, is raising": a sentence that opens with a lower-case word which
     * an apposition or a deal verb shows to be an organisation (brands such as poolside, cohere, n8n).
     */
    private void lowercaseBrandAt(String s, List<Tokens.Token> toks, List<Mention> out) {
        int k = 0;
        while (k < toks.size() && !toks.get(k).isWord()) {
            k++;
        }
        if (k >= toks.size() || k > 3) {
            return;
        }
        Tokens.Token t = toks.get(k);
        String w = t.text();
        if (w.length() < 3 || !Character.isLowerCase(w.charAt(0)) || !w.equals(w.toLowerCase(Locale.ROOT))
                || lexicon.stopwords().contains(Character.toUpperCase(w.charAt(0)) + w.substring(1))) {
            return; // "however, the company said": a lower-case opening word is a brand only if it is no common word
        }
        if (APPOSITION.matcher(s).region(t.end(), s.length()).lookingAt() || afterRelativeClause(s, t.end())) {
            out.add(new Mention(t.start(), t.end(), w, "Company", Source.UNKNOWN, true, possessiveAt(toks, k + 1)));
        }
    }

    /** Lower-case brands found at a sentence start are the same organisation wherever else the document uses them. */
    static void lowercaseBrands(List<String> sentences, List<List<Mention>> perSentence) {
        // brands in the order first found, which decides between two that claim the same words
        Map<String, Integer> brands = new java.util.LinkedHashMap<>();
        for (List<Mention> ms : perSentence) {
            for (Mention m : ms) {
                if (m.source() == Source.UNKNOWN && m.strong() && Character.isLowerCase(m.name().charAt(0))) {
                    brands.putIfAbsent(m.name(), brands.size());
                }
            }
        }
        if (brands.isEmpty()) {
            return;
        }
        // Each use begins at a word equal to the brand's first word, so one pass over a sentence's words finds the
        // uses of every brand: searching the sentence once per brand cost the number of brands times the document.
        Map<String, List<String>> byFirstWord = new HashMap<>();
        for (String b : brands.keySet()) {
            int w = 0;
            while (w < b.length() && Character.isLetterOrDigit(b.charAt(w))) {
                w++;
            }
            byFirstWord.computeIfAbsent(b.substring(0, w), k -> new ArrayList<>()).add(b);
        }
        record Use(int brand, int start, int end, String name) {
        }
        for (int si = 0; si < sentences.size(); si++) {
            String s = sentences.get(si);
            List<Mention> ms = perSentence.get(si);
            List<Use> uses = new ArrayList<>();
            int n = s.length();
            int at = 0;
            while (at < n) {
                if (!Character.isLetterOrDigit(s.charAt(at))) {
                    at++;
                    continue;
                }
                int end = at + 1;
                while (end < n && Character.isLetterOrDigit(s.charAt(end))) {
                    end++;
                }
                for (String b : byFirstWord.getOrDefault(s.substring(at, end), List.of())) {
                    int bEnd = at + b.length();
                    if (s.startsWith(b, at) && (bEnd >= n || !Character.isLetterOrDigit(s.charAt(bEnd)))) {
                        uses.add(new Use(brands.get(b), at, bEnd, b));
                    }
                }
                at = end;
            }
            if (uses.isEmpty()) {
                continue;
            }
            uses.sort(java.util.Comparator.comparingInt(Use::brand).thenComparingInt(Use::start));
            int lastBrand = -1;
            int lastEnd = 0;
            boolean added = false;
            for (Use u : uses) {
                if (u.brand() == lastBrand && u.start() < lastEnd) {
                    continue; // a brand's uses do not overlap one another
                }
                lastBrand = u.brand();
                lastEnd = u.end();
                if (ms.stream().noneMatch(m -> m.start() < u.end() && u.start() < m.end())) {
                    boolean poss = s.startsWith("'s", u.end()) || s.startsWith("’s", u.end());
                    ms.add(new Mention(u.start(), u.end(), u.name(), "Company", Source.UNKNOWN, true, poss));
                    added = true;
                }
            }
            if (added) {
                ms.sort((x, y) -> Integer.compare(x.start(), y.start()));
            }
        }
    }

    /** Whether the digits at {@code j} go on as a figure: "20,000", "1.5", "20+", "30%". */
    private static boolean numberGoesOn(List<Tokens.Token> toks, int j) {
        if (j + 1 >= toks.size() || toks.get(j + 1).start() != toks.get(j).end()) {
            return false;
        }
        String next = toks.get(j + 1).text();
        if (next.equals("+") || next.equals("%")) {
            return true;
        }
        return (next.equals(",") || next.equals(".")) && j + 2 < toks.size() && toks.get(j + 2).start() == toks.get(j + 1).end()
                && Character.isDigit(toks.get(j + 2).text().charAt(0));
    }

    /** "1789 Capital", "8VC Partners": a number glued to an organisation ending starts a name; "8VC" is one. */
    private boolean digitLedName(List<Tokens.Token> toks, int i) {
        Tokens.Token t = toks.get(i);
        if (!Character.isDigit(t.text().charAt(0))) {
            return false;
        }
        Matcher glued = DIGITS_THEN_CAPITALS.matcher(t.text());
        if (glued.matches() && !UNITS.contains(glued.group(1)) && !Money.currencySymbol(glued.group(1))
                && (i == 0 || !toks.get(i - 1).text().equals("$"))) {
            return true;
        }
        Matcher word = DIGITS_THEN_WORD.matcher(t.text());
        if (word.matches() && !stopword(word.group(1)) && !UNITS.contains(word.group(1).toUpperCase(Locale.ROOT))
                && (i == 0 || !toks.get(i - 1).text().equals("$"))) {
            return true; // "83North", "1Password", "3Shape": digits glued to a capitalised word
        }
        if (i + 1 >= toks.size()) {
            return false;
        }
        Tokens.Token next = toks.get(i + 1);
        if (t.text().length() <= 2 && next.text().equals("-") && next.start() == t.end() && i + 2 < toks.size()
                && toks.get(i + 2).start() == next.end() && toks.get(i + 2).isCapitalised() && toks.get(i + 2).isWord()) {
            return true; // "1-India Family Mart", "7-Eleven": a digit joined to a capitalised word by a hyphen
        }
        return next.start() == t.end() + 1 && next.isCapitalised() && lexicon.orgSuffixes().contains(next.text())
                && (i == 0 || !toks.get(i - 1).text().equals("$"));
    }

    private static final Pattern DIGITS_THEN_CAPITALS = Pattern.compile("\\d{1,4}([A-Z]{2,5})");
    private static final Pattern DIGITS_THEN_WORD = Pattern.compile("\\d{1,3}(\\p{Lu}\\p{Ll}{2,})");
    /** Figures with a unit look like "8VC": "500MW", "4GB", "10KM". */
    private static final Set<String> UNITS = Set.of("MW", "GW", "KW", "TW", "MWH", "GWH", "KWH", "TWH", "MWP", "GWP", "GB", "MB", "TB",
            "KB", "PB", "KM", "MM", "CM", "KG", "BN", "MN", "TH", "ST", "ND", "RD", "AM", "PM", "HP", "FPS", "GHZ", "MHZ", "NM", "PC", "CR", "LK",
            "BPS", "GBPS", "TOPS");

    /** "Felicis Ventures and Redpoint": a name listed right after an organisation is one too. */
    private static boolean listedAfterOrg(String s, List<Mention> out, int start) {
        if (out.isEmpty()) {
            return false;
        }
        Mention prev = out.get(out.size() - 1);
        if (!prev.isOrg() || prev.source() == Source.CANDIDATE) {
            return false;
        }
        // a weak name counts when it is itself one of a list ("Rise PropTech Fund, Extantia and Freigeist")
        return (prev.source() != Source.UNKNOWN || prev.strong() || out.size() > 1 && listedAfterOrg(s, out.subList(0, out.size() - 1), prev.start()))
                && LIST_GAP.matcher(s).region(prev.end(), start).matches();
    }

    private static final Pattern LIST_GAP = Pattern.compile("\\s*(?:,|and|, and|&)\\s*(?:the\\s+)?");

    /** G42, AI21, M12: names mixing letters and digits are brands, not words. */
    private static boolean lettersAndDigits(String w) {
        return w.length() >= 2 && hasDigit(w) && Character.isLetter(w.charAt(0));
    }

    /** ASML, TSMC: short all-capital names are organisations far more often than not. */
    private static boolean acronym(String w) {
        if (w.length() < 3 || w.length() > 6) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (!Character.isUpperCase(w.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean innerCaps(String w) {
        for (int k = 1; k < w.length(); k++) {
            if (Character.isUpperCase(w.charAt(k)) && Character.isLowerCase(w.charAt(k - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code name} stands alone in two sentences or more before sentence {@code until}, where the longer name
     * first appears: then it names something of its own. "Sound announced that it raised $20 million" twice before
     * "Other participants included … Sound Ventures" is a company and an investor in its round; a headline's
     * "Sakana raises" before "Sakana AI" comes once.
     */
    private static boolean namedAloneBefore(List<List<Mention>> perSentence, String name, int until) {
        int alone = 0;
        for (int si = 0; si < until; si++) {
            for (Mention m : perSentence.get(si)) {
                if (m.name().equals(name)) {
                    alone++;
                    break;
                }
            }
            if (alone == 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * Document-level pass: a name shown to be an organisation anywhere counts everywhere, and its short form
     * ("Sakana" after "Sakana AI") is the same organisation.
     */
    static void promote(List<List<Mention>> perSentence, Lexicon lexicon) {
        Map<String, String> strongNames = new HashMap<>();
        for (int si = 0; si < perSentence.size(); si++) {
            for (Mention m : perSentence.get(si)) {
                if (m.source() == Source.UNKNOWN && m.strong()) {
                    strongNames.put(m.name(), m.name());
                    String[] words = m.name().split(" ");
                    if (words.length > 1 && lexicon.orgSuffixes().contains(words[words.length - 1])) {
                        String shortName = m.name().substring(0, m.name().lastIndexOf(' '));
                        if (!lexicon.stopwords().contains(shortName) && !namedAloneBefore(perSentence, shortName, si)) {
                            strongNames.putIfAbsent(shortName, m.name());
                        }
                    }
                }
            }
        }
        for (List<Mention> ms : perSentence) {
            for (int k = ms.size() - 1; k >= 0; k--) {
                Mention m = ms.get(k);
                if (m.source() == Source.UNKNOWN || m.source() == Source.CANDIDATE) {
                    String full = strongNames.get(m.name());
                    if (full != null) {
                        ms.set(k, new Mention(m.start(), m.end(), full, m.type(), Source.UNKNOWN, true, m.possessive()));
                    } else if (m.source() == Source.CANDIDATE) {
                        ms.remove(k);
                    }
                }
            }
        }
    }

    private static final Set<String> FUND_TAILS = Set.of("Capital", "Ventures", "Venture", "Partners", "VC", "Fund", "Funds",
            "Investments", "Investment", "Management", "Equity", "Growth", "Advisors", "Advisers", "Associates", "Invest",
            "Office", "Opportunities", "Trust", "Foundation", "Endowment", "Angels", "Syndicate", "Labs Fund", "Catalyst");
    private static final Set<String> GOVERNMENT_WORDS = Set.of("Government", "Ministry", "Department", "Treasury", "Agency",
            "Commonwealth", "Republic", "Kingdom", "State", "Administration", "Pentagon", "Council", "Commission");
    /** An article before the model's name, a possessive after it, and a dash it ran into ("Shangcheng Capital—both"). */
    private static final Pattern NAME_EDGES = Pattern.compile("^(?:the|The|a|A)\\s+|(?:'s|’s|'|’|\\s*[—–]+)$");
    /** "Inserm Transfert La": an article that opens the next words of a run-on paragraph, after a name of two words or more. */
    private static final Pattern ARTICLE_TAIL = Pattern.compile("(?<=\\S\\s\\S{1,40})\\s+(?:" + String.join("|", ARTICLES) + ")$");

    /**
     * A mention for a name the named-entity model found, or null when a rule already covers that text or the name is
     * no party (a place, a bare title). The model's organisation and person labels are used as a hint only: "Atlas
     * Venture" may come labelled a place and "Lumen Bio" a person, so the name's own shape decides the type. The name
     * ends before a headline's verb and its figure ("Blackbird Raises A$500 Million Fund": "Blackbird").
     */
    static Mention fromModel(String sentence, int start, int end, String tag, List<Mention> existing, Set<String> stopwords,
                             Set<String> headlineVerbs, Set<String> descriptorNouns) {
        end = start + beforeHeadlineVerb(sentence, start, end, headlineVerbs);
        String raw = sentence.substring(start, end);
        java.util.regex.Matcher edges = NAME_EDGES.matcher(raw);
        String name = withoutSeat(lowercaseCut(ARTICLE_TAIL.matcher(edges.replaceAll("").strip()).replaceAll("")));
        name = withoutDescriptors(name, stopwords, descriptorNouns, sentence.substring(0, start).isBlank());
        if (name.length() < 2 || !Character.isUpperCase(name.codePointAt(0)) && !Character.isDigit(name.charAt(0))) {
            return null;
        }
        name = LEGAL_FORMS_AT_END.matcher(name).replaceFirst(""); // "Aviom India Housing Finance Pvt. Ltd"
        int nameStart = start + raw.indexOf(name);
        int nameEnd = nameStart + name.length();
        java.util.regex.Matcher number = NUMBER_WORD_BEFORE.matcher(sentence).region(0, nameStart);
        if (number.find()) {
            // "Seven Seas Water", "Eight Roads": the model leaves out a capitalised number word that opens the name
            nameStart = number.start(1);
            name = sentence.substring(nameStart, nameEnd);
        }
        // a rule's name inside the model's longer one ("Growth Capital" in "Investor Growth Capital", "Morgan Stanley"
        // in "Morgan Stanley Tactical Value"): the longer name wins when it adds capitalised words and the rule's
        // was a guess or the longer one names a fund arm of a known company
        List<Mention> inside = new ArrayList<>();
        for (Mention m : existing) {
            if (m.start() < nameEnd && nameStart < m.end()) {
                if (m.start() < nameStart || m.end() > nameEnd || m.source() == Source.COREF) {
                    return null;
                }
                inside.add(m);
            }
        }
        String type = typeOfName(name, tag);
        String lastWord = name.substring(name.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        if (name.indexOf(' ') > 0 && (ROLE_NOUNS.contains(lastWord) || "upstart".equals(lastWord))
                && NAME_AFTER.matcher(sentence).region(nameEnd, sentence.length()).lookingAt()) {
            return null; // "Handcrafted Metalware Brand P•TAL Raises…": a headline's description of the name after it
        }
        if (seatBefore(sentence, nameStart) || placeAdjective(sentence, nameEnd)) {
            return null;
        }
        if (type == null || !name.contains(" ") && stopwords.contains(name) || notAName(sentence, name, nameStart, nameEnd)) {
            return null; // "British", "Reuters", "CEO": words the rules already know are no party
        }
        if (("MISC".equals(tag) || "MIS".equals(tag)) && "Company".equals(type) && !name.contains(" ")) {
            return null; // a lone "other name" is a nationality, an event or a product far more often than a company
        }
        if (!inside.isEmpty()) {
            String[] words = name.split("\\s+");
            boolean fundArm = FUND_TAILS.contains(words[words.length - 1]);
            for (Mention m : inside) {
                if (m.source() == Source.KNOWN && !fundArm || m.end() - m.start() == nameEnd - nameStart) {
                    return null;
                }
            }
            if (!addsCapitalisedWords(sentence, nameStart, nameEnd, inside)) {
                return null;
            }
            existing.removeAll(inside);
        }
        boolean possessive = sentence.startsWith("'s", end) || sentence.startsWith("’s", end) || raw.endsWith("'s") || raw.endsWith("’s");
        return new Mention(nameStart, nameEnd, name, type, Source.MODEL, true, possessive);
    }

    private static final Pattern NAME_AFTER = Pattern.compile("^ \\p{Lu}");

    /** A capitalised number word straight before a name: "Seven" of "Seven Seas Water". */
    private static final Pattern NUMBER_WORD_BEFORE = Pattern.compile(
            "(?:^|[^\\p{L}\\d])(One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Hundred|Thousand) $");

    /** "Gurugram-based", "Japan-headquartered": the name is a place that describes the next one. */
    private static boolean placeAdjective(String s, int end) {
        return s.startsWith("-based", end) || s.startsWith("-born", end) || s.startsWith("-headquartered", end)
                || SPACED_PLACE_ADJECTIVE.matcher(s).region(end, s.length()).lookingAt();
    }

    /**
     * "a Puerto-Rico based startup": the same adjective without its hyphen, before the noun it describes; not the verb
     * ("Nvidia based its decision on").
     */
    private static final Pattern SPACED_PLACE_ADJECTIVE = Pattern.compile(
            " (?:based|headquartered) (?!(?:on|upon|its|their|his|her|our|the|a|an|in|at|out|off|this|that)\\b)\\p{Ll}");

    /**
     * An investment firm's name without the city the model ran into it: "Wellington Partners of Munich", "F-Prime
     * Capital of Cambridge". Funds and banks keep theirs ("Investment Fund of Denmark", "Bank of America").
     */
    static String withoutSeat(String name) {
        java.util.regex.Matcher m = FIRM_OF_CITY.matcher(name);
        return m.matches() ? m.group(1) : name;
    }

    private static final Pattern FIRM_OF_CITY = Pattern.compile(
            "(.+\\b(?:Capital|Ventures|Venture Partners|Partners|Investments|Management|Equity|Advisors|Advisers|Associates))"
            + " of \\p{Lu}[\\p{L}-]+");

    /**
     * A fund named with its parent's possessive: "Amazon’s Climate Pledge Fund" is the "Amazon Climate Pledge Fund"
     * when the fund's own words only say what it invests in ({@code genericWords}), and "Toyota’s Woven Capital" is
     * "Woven Capital". Whether the readers took the parent into the name or not, the result is the same.
     */
    static void parentFunds(List<String> texts, List<List<Mention>> per, Set<String> genericWords) {
        for (int i = 0; i < texts.size(); i++) {
            String s = texts.get(i);
            List<Mention> ms = per.get(i);
            for (int k = 0; k < ms.size(); k++) {
                Mention m = ms.get(k);
                if (m.source() == Source.COREF || !m.isParty()) {
                    continue;
                }
                java.util.regex.Matcher inside = POSSESSIVE_INSIDE.matcher(m.name());
                if (inside.matches() && "Person".equals(m.type())) {
                    // "Genesis Luxury's Sanjay Kapoor": the person, whose company only says who they are
                    ms.set(k, new Mention(m.start(), m.end(), inside.group(2), m.type(), m.source(), m.strong(), m.possessive()));
                    continue;
                }
                if ("Person".equals(m.type())) {
                    continue;
                }
                if (inside.matches() && !LEGAL_FORM_NEXT.matcher(s).region(Math.min(m.end(), s.length()), s.length()).lookingAt()) {
                    // "Toyota's Woven Capital" is Woven Capital, "Zerodha's Rainmatter" Rainmatter; a generic fund keeps
                    // its owner's name ("Amazon Climate Pledge Fund")
                    String fund = inside.group(2);
                    String name = generic(fund, genericWords) ? inside.group(1) + " " + fund : fund;
                    ms.set(k, new Mention(m.start(), m.end(), name, fundShaped(fund) ? "Fund" : m.type(), m.source(), m.strong(), m.possessive()));
                    continue;
                }
                if (k == 0 || !fundShaped(m.name()) || !generic(m.name(), genericWords)) {
                    continue;
                }
                Mention parent = ms.get(k - 1);
                String between = s.substring(Math.min(parent.end(), m.start()), m.start());
                if (parent.possessive() && parent.isOrg() && parent.source() != Source.COREF && POSSESSIVE_GAP.matcher(between).matches()) {
                    // the fund's own words keep their place in the sentence (the parse hangs the deal on them)
                    ms.set(k, new Mention(m.start(), m.end(), parent.name() + " " + m.name(), m.type(), m.source(), m.strong(), m.possessive()));
                }
            }
        }
    }

    private static final Pattern POSSESSIVE_INSIDE = Pattern.compile("(\\p{Lu}[\\p{L}\\d.&-]*(?: \\p{Lu}[\\p{L}\\d.&-]*){0,3})['’]s (.+)");
    private static final Pattern POSSESSIVE_GAP = Pattern.compile("['’]s? ");
    /** "Dr. Agarwal's Health Care Ltd": a legal form after the name makes the possessive part of a company's name. */
    private static final Pattern LEGAL_FORM_NEXT = Pattern.compile(",?\\s+(?:" + LEGAL_FORM + ")(?![\\p{L}])");

    private static boolean fundShaped(String name) {
        String[] w = name.split("\\s+");
        return w.length >= 2 && FUND_TAILS.contains(w[w.length - 1]);
    }

    private static boolean generic(String name, Set<String> genericWords) {
        for (String w : name.split("\\s+")) {
            if (!genericWords.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case words a name may hold between its capitalised ones ("Bank of America", "Banco do Brasil"). */
    private static final Set<String> NAME_JOINERS = Set.of("of", "and", "&", "for", "the", "de", "del", "la", "le", "les",
            "du", "des", "da", "do", "dos", "das", "di", "von", "van", "der", "den", "y", "e", "et", "und", "al", "el", "bin");

    /**
     * The model's span up to its first lower-case word that no name holds: the English model reads other languages'
     * sentences too and may run a name into the verb after it ("Ualá cerró una ronda de").
     */
    /**
     * "Parisian VC Ventech" is Ventech: the model takes in the words that describe a name, a place's adjective and
     * initials of a kind of investor or a sector word, where the rules' names start after every stopword; at the
     * sentence's start, any stopword.
     */
    static String withoutDescriptors(String name, Set<String> stopwords, Set<String> descriptorNouns, boolean sentenceStart) {
        String[] words = name.split(" ");
        String last = words[words.length - 1];
        if (FUND_TAILS.contains(last) || GOVERNMENT_WORDS.contains(last) || INSTITUTION_TAILS.contains(last)) {
            return name; // "British Patient Capital", "Japan Energy Fund", "Indian Bank": the place is part of the name
        }
        // "Chinese GPU Startup Moore Threads": a title-case description that ends in a noun of what a company is or a
        // sector word (every word of it a stopword) comes off whole
        int head = -1;
        for (int i = 0; i < words.length - 1 && stopwords.contains(words[i]); i++) {
            if (descriptorNouns.contains(words[i]) || SECTOR_WORD.matcher(words[i]).matches()) {
                head = i;
            }
        }
        if (head >= 0) {
            return String.join(" ", java.util.Arrays.copyOfRange(words, head + 1, words.length));
        }
        int k = 0;
        while (k < words.length - 1 && stopwords.contains(words[k])
                && (NATIONALITY.matcher(words[k]).matches() || k > 0 && INVESTOR_INITIALS.matcher(words[k]).matches()
                || sentenceStart && k == 0 && OPENER_SHAPE.matcher(words[k]).matches())) {
            k++; // at a sentence's start a stopword is its opener ("Neben Porsche SE sind auch … beteiligt")
        }
        return k == 0 ? name : String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
    }

    private static final Pattern NATIONALITY = Pattern.compile("\\p{Lu}\\p{Ll}+(?:an|ese|ish|i|ic)|\\p{Lu}\\p{L}*(?i:tech)");
    /** "Fintech", "HealthTech", "AgTech": a sector word, which heads a description as a company noun does. */
    private static final Pattern SECTOR_WORD = Pattern.compile("\\p{Lu}\\p{L}+(?i:tech)");
    private static final Pattern INVESTOR_INITIALS = Pattern.compile("VCs?|PE");
    private static final Pattern LEGAL_FORMS_AT_END = Pattern.compile("(?<=\\S)(?:,?\\s+(?:Pvt\\.?|Pte\\.?|Private)(?:\\s+(?:Ltd\\.?|Limited))?)$");
    private static final Pattern OPENER_SHAPE = Pattern.compile("\\p{Lu}\\p{Ll}+");
    private static final Set<String> INSTITUTION_TAILS = Set.of("Bank", "Corporation", "Group", "Holdings", "Authority", "Office", "Institute");

    /** A figure right after a headline's verb: "Raises A$500 Million", "Secures €40M", "Bags 100 crore". */
    private static final Pattern NEXT_WORD = Pattern.compile("\\s+(\\S+)");
    private static final Pattern FIGURE_NEXT = Pattern.compile("\\s+(?:[A-Z]{0,3}[$€£¥₹]\\s?\\d|\\d)");

    /**
     * The length of the model's name up to its first inner word that is a headline's verb followed by a figure
     * ("Blackbird Raises A$500 Million Fund"), or the whole length. Without a figure after it the verb may be part
     * of a headline the model read as one name ("Trump Backs Nexstar–Tegna Merger"), which other rules turn down.
     */
    static int beforeHeadlineVerb(String sentence, int start, int end, Set<String> headlineVerbs) {
        Matcher w = NEXT_WORD.matcher(sentence).region(start, end);
        while (w.find()) {
            if (headlineVerbs.contains(w.group(1)) && FIGURE_NEXT.matcher(sentence).region(w.end(), sentence.length()).lookingAt()) {
                return w.start() - start;
            }
        }
        return end - start;
    }

    static String lowercaseCut(String name) {
        String[] words = name.split(" ");
        int keep = words.length;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (!w.isEmpty() && Character.isLowerCase(w.charAt(0)) && !NAME_JOINERS.contains(w) && w.chars().skip(1).noneMatch(Character::isUpperCase)) {
                keep = i;
                break;
            }
        }
        while (keep > 1 && NAME_JOINERS.contains(words[keep - 1])) {
            keep--;
        }
        return keep == words.length ? name : String.join(" ", java.util.Arrays.copyOf(words, keep));
    }

    private static boolean addsCapitalisedWords(String sentence, int start, int end, List<Mention> inside) {
        int i = start;
        while (i < end) {
            int j = i;
            while (j < end && !Character.isWhitespace(sentence.charAt(j))) {
                j++;
            }
            boolean covered = false;
            for (Mention m : inside) {
                covered |= i >= m.start() && j <= m.end();
            }
            if (!covered && j > i && Character.isUpperCase(sentence.charAt(i))) {
                return true;
            }
            i = j + 1;
        }
        return false;
    }

    /** The kind of party a name is, from its last word and the model's label: Fund, Government, Person, Company or null. */
    static String typeOfName(String name, String modelTag) {
        String[] words = name.split("\\s+");
        String last = words[words.length - 1];
        for (String w : words) {
            if (GOVERNMENT_WORDS.contains(w) && words.length > 1) {
                return "Government";
            }
        }
        if (FUND_TAILS.contains(last) && words.length > 1 || name.endsWith("Family Office")) {
            return "Fund";
        }
        if ("PERSON".equals(modelTag) || "PER".equals(modelTag)) {
            boolean personShape = words.length >= 2 && words.length <= 4;
            for (String w : words) {
                personShape &= Character.isUpperCase(w.charAt(0)) && w.chars().skip(1).noneMatch(Character::isUpperCase);
            }
            return personShape ? "Person" : "Company";
        }
        if ("LOCATION".equals(modelTag) || "LOC".equals(modelTag)) {
            return null;
        }
        return "Company";
    }

    /** Legal forms the tokeniser splits or does not know: "Novo A/S", "Ericsson AB", "Equinor ASA", "Nokia Oyj". */
    private static final Pattern LEGAL_FORM_AFTER = Pattern.compile("^ (?:A/S|ApS|ASA|AB|Oyj|Oy|SpA|S\\.p\\.A\\.|S\\.A\\.|N\\.V\\.|B\\.V\\.|K\\.K\\.|AG|SE|plc|PLC)(?![\\w/])");

    /** Names followed by such a form take it in: the gold and the news write "Novo A/S". */
    static void extendLegalForms(List<String> sentences, List<List<Mention>> perSentence) {
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            List<Mention> ms = perSentence.get(i);
            for (int k = 0; k < ms.size(); k++) {
                Mention m = ms.get(k);
                if (m.source() == Source.COREF || m.source() == Source.KNOWN || m.end() >= s.length()) {
                    continue;
                }
                Matcher lf = LEGAL_FORM_AFTER.matcher(s.substring(m.end()));
                if (lf.lookingAt() && !lf.group().trim().matches("AG|SE|plc|PLC")) {
                    int end = m.end() + lf.end();
                    ms.set(k, new Mention(m.start(), end, m.name() + lf.group(), m.type(), m.source(), m.strong(), m.possessive()));
                }
            }
        }
    }

    /** Last words after which "&", "and" or "et" starts another name rather than continuing this one. */
    private static final Set<String> JOINED_LEFT_TAILS = Set.of("Capital", "Ventures", "Partners", "Holdings", "Fund", "Group",
            "Investments", "Développement", "VC", "Platform", "Bank", "Equity", "Angels", "Foundation");
    private static final Pattern JOINER = Pattern.compile(" (?:&|and|et|und|y|e) ");
    /** "Ingressive CapitalVoltron Capital": two names a web page ran together. */
    private static final Pattern GLUED_TAIL = Pattern.compile("\\b(Capital|Partners|Ventures|Fund|Holdings|Group)(?=\\p{Lu}\\p{Ll})");

    /**
     * Splits a name that holds two: "Grenfell Holdings & LoftyInc Capital Management", "BNP Paribas Développement et
     * Angels Bay", "Newtown PartnersGlobal Brain". A firm's name does not go on after its "Holdings" or "Ventures", while
     * "Procter & Gamble", "Legal & General" and "Fidelity Management and Research Company" stay whole.
     */
    static void splitJoined(String s, List<Mention> ms) {
        for (int k = 0; k < ms.size(); k++) {
            Mention m = ms.get(k);
            if (m.source() != Source.UNKNOWN && m.source() != Source.MODEL) {
                continue;
            }
            String name = m.name();
            int cut = -1;
            int resume = -1;
            Matcher glued = GLUED_TAIL.matcher(name);
            if (glued.find()) {
                cut = glued.end();
                resume = glued.end();
            } else {
                Matcher j = JOINER.matcher(name);
                if (j.find()) {
                    String left = name.substring(0, j.start());
                    String right = name.substring(j.end());
                    String[] lw = left.split(" ");
                    if (lw.length >= 2 && JOINED_LEFT_TAILS.contains(lw[lw.length - 1]) && !right.isEmpty()
                            && Character.isUpperCase(right.charAt(0))) {
                        cut = j.start();
                        resume = j.end();
                    }
                }
            }
            if (cut < 0 || m.start() + name.length() != m.end() || !s.startsWith(name, m.start())) {
                continue; // only where the name is the text as written, so offsets stay true
            }
            Mention first = new Mention(m.start(), m.start() + cut, name.substring(0, cut), m.type(), m.source(), m.strong(), false);
            Mention second = new Mention(m.start() + resume, m.end(), name.substring(resume), m.type(), m.source(), m.strong(), m.possessive());
            ms.set(k, first);
            ms.add(k + 1, second);
        }
    }

    private static final Pattern GOVERNMENT = Pattern.compile(
            "\\b(U\\.S\\.|US|United States|UK|U\\.K\\.|British|French|German|Japanese|South Korean|Korean|Canadian|Australian|"
                    + "Indian|Chinese|Saudi|Qatari|Emirati|Singaporean|Norwegian|Swedish|Danish|Finnish|Dutch|Italian|Spanish|"
                    + "Israeli|Irish|Polish|Brazilian|Mexican|Indonesian|Vietnamese|Egyptian|Nigerian|Kenyan|Taiwanese|Turkish|"
                    + "Federal|federal|state|State|Albanese|Biden|Trump) [Gg]overnment\\b(?![-‐])");

    /**
     * "The US government took a 10% stake", "the French government backs it": a state that invests. Named as the
     * news writes it, with "U.S." written "US".
     */
    /**
     * "Linde India Ltd. has invested…; earlier, Linde India had bought…": where the document names a company with its
     * country once (a legal form kept the country in), the same words elsewhere are that name, though a country at a
     * name's end is cut when nothing follows it.
     */
    void withTheirCountry(List<String> sentences, List<List<Mention>> perSentence) {
        Set<String> keys = placeKeys; // built once with this reader, not once per document
        Map<String, String> shortToFull = new HashMap<>();
        for (List<Mention> ms : perSentence) {
            for (Mention m : ms) {
                int sp = m.name().lastIndexOf(' ');
                if (m.source() != Source.KNOWN && m.source() != Source.COREF && m.isOrg() && sp > 0
                        && keys.contains(Lexicon.placeKey(m.name().substring(sp + 1)))) {
                    shortToFull.putIfAbsent(m.name().substring(0, sp), m.name());
                }
            }
        }
        if (shortToFull.isEmpty()) {
            return;
        }
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            List<Mention> ms = perSentence.get(i);
            for (int k = 0; k < ms.size(); k++) {
                Mention m = ms.get(k);
                String full = shortToFull.get(m.name());
                if (full != null && m.source() != Source.KNOWN && s.startsWith(full.substring(m.name().length()), m.end())) {
                    int end = m.end() + full.length() - m.name().length();
                    ms.set(k, new Mention(m.start(), end, full, m.type(), Source.UNKNOWN, true, s.startsWith("'s", end) || s.startsWith("’s", end)));
                }
            }
        }
    }

    private static final Pattern UNDER_THE_BRAND = Pattern.compile("\\bunder\\s+(?:the|its)\\s+(?:brand|brand\\s+name|banner|trade\\s+name)\\s+(?:of\\s+)?$");

    /**
     * "Disha Medical Services Pvt. Ltd, an eye-care chain … under the brand Drishti, has raised": the company the news
     * goes on to call by its brand is that brand, everywhere in the document.
     */
    static void brandNames(List<String> sentences, List<List<Mention>> perSentence) {
        Map<String, String> toBrand = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            if (!s.contains("under ")) {
                continue;
            }
            List<Mention> ms = perSentence.get(i);
            for (Mention brand : ms) {
                if (brand.isOrg() && UNDER_THE_BRAND.matcher(s).region(Math.max(0, brand.start() - 30), brand.start()).find()) {
                    ms.stream().filter(m -> m.isOrg() && m.end() < brand.start() && !m.name().equals(brand.name())).findFirst()
                            .ifPresent(legal -> toBrand.put(legal.name(), brand.name()));
                }
            }
        }
        if (toBrand.isEmpty()) {
            return;
        }
        for (List<Mention> ms : perSentence) {
            ms.replaceAll(m -> toBrand.containsKey(m.name())
                    ? new Mention(m.start(), m.end(), toBrand.get(m.name()), m.type(), m.source(), m.strong(), m.possessive()) : m);
        }
    }

    /**
     * "Bengaluru-based veterinary clinic chain Dr. Paws has raised": a title before an organisation's name is part of it
     * (Dr. Paws, Dr. Martens, Dr. Reddy's), wherever the document uses the name.
     */
    static void titledCompanies(List<String> sentences, List<List<Mention>> perSentence) {
        Map<String, String> titled = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            for (Mention m : perSentence.get(i)) {
                if ("Company".equals(m.type()) && m.start() >= 4 && s.startsWith("Dr. ", m.start() - 4)
                        && (m.start() == 4 || !Character.isLetterOrDigit(s.charAt(m.start() - 5)))) {
                    titled.putIfAbsent(m.name(), "Dr. " + m.name());
                }
            }
        }
        if (titled.isEmpty()) {
            return;
        }
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            List<Mention> ms = perSentence.get(i);
            List<Integer> titles = new ArrayList<>();
            for (int k = 0; k < ms.size(); k++) {
                Mention m = ms.get(k);
                String full = titled.get(m.name());
                if (full != null && m.isOrg()) {
                    boolean written = m.start() >= 4 && s.startsWith("Dr. ", m.start() - 4);
                    if (written) {
                        titles.add(m.start() - 4);
                    }
                    ms.set(k, new Mention(written ? m.start() - 4 : m.start(), m.end(), full, m.type(), m.source(), m.strong(), m.possessive()));
                }
            }
            // the title read as a name of its own ("Dr") goes
            ms.removeIf(x -> titles.stream().anyMatch(t -> x.start() >= t && x.end() <= t + 3));
        }
    }

    static void governments(List<String> sentences, List<List<Mention>> perSentence) {
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            if (!s.contains("overnment")) {
                continue;
            }
            Matcher m = GOVERNMENT.matcher(s);
            List<Mention> ms = perSentence.get(i);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                boolean taken = false;
                for (Mention x : ms) {
                    taken |= x.start() < end && start < x.end() && x.source() == Source.KNOWN;
                }
                if (taken) {
                    continue;
                }
                ms.removeIf(x -> x.start() < end && start < x.end());
                String who = m.group(1).replace(".", "");
                String name = (who.equalsIgnoreCase("federal") || who.equalsIgnoreCase("state") ? capitalise(who) : who) + " government";
                ms.add(new Mention(start, end, name, "Government", Source.UNKNOWN, true,
                        s.startsWith("'s", end) || s.startsWith("’s", end)));
            }
            ms.sort((x, y) -> Integer.compare(x.start(), y.start()));
        }
    }

    private static String capitalise(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
