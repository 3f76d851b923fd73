package io.dealgraph.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads relations from one sentence at a time, given its mentions. Each money amount is classified by the words
 * around it (investment, spend commitment, or neither) and its parties are found by the connectors news uses:
 * "X invests $N in Y", "Y raises $N from X", "X's $N investment in Y", "$N in AWS spend", "led by X, with
 * participation from A and B". Parties the sentence leaves implicit come from the deal discussed just before.
 */
final class Relations {

    /** A fact before offsets and names are finalised; {@code sentence} indexes the sentence list. */
    record Draft(FactType type, String from, String to, Long amount, String currency, Long usd, String qualifier,
                 boolean cumulative, Long trancheOf, String date, Integer years, String status, int sentence, boolean round,
                 Fact.Round roundInfo) {

        Draft(FactType type, String from, String to, Long amount, String currency, Long usd, String qualifier,
              boolean cumulative, Long trancheOf, String date, Integer years, String status, int sentence) {
            this(type, from, to, amount, currency, usd, qualifier, cumulative, trancheOf, date, years, status, sentence, false, null);
        }

        Draft withStatus(String s) {
            return new Draft(type, from, to, amount, currency, usd, qualifier, cumulative, trancheOf, date, years, s, sentence, round, roundInfo);
        }

        Draft withDate(String d) {
            return new Draft(type, from, to, amount, currency, usd, qualifier, cumulative, trancheOf, d, years, status, sentence, round, roundInfo);
        }

        Draft asRound() {
            return new Draft(type, from, to, amount, currency, usd, qualifier, cumulative, trancheOf, date, years, status, sentence, true, roundInfo);
        }
    }

    /** What a sentence offers to the rules; {@code orgs}: its company and cloud mentions, which several rules read. */
    record View(Sentences.Sentence sentence, String s, String ls, List<Mentions.Mention> mentions,
                List<Money.Amount> money, List<Dates.DateMention> dates, List<Mentions.Mention> orgs) {

        View(Sentences.Sentence sentence, String s, String ls, List<Mentions.Mention> mentions,
             List<Money.Amount> money, List<Dates.DateMention> dates) {
            this(sentence, s, ls, mentions, money, dates, orgsOf(mentions));
        }
    }

    private static final String FILL = "(?:(?:an?|another|an additional|additional|a further|further|a fresh|fresh|its|their|the|some|over|nearly|roughly|about|around|almost|as much as|more than|up to|at least|just|still|then|reportedly|also|now)\\s+)*";
    private static final Pattern INVEST_VERB_LEFT = Pattern.compile(
            "\\b(invest(?:s|ed|ing)?|put(?:s|ting)?|pour(?:s|ed|ing)?|pump(?:s|ed|ing)?|inject(?:s|ed|ing)?|commit(?:s|ted|ting)?|"
                    + "pledg(?:e|es|ed|ing)|plow(?:s|ed|ing)?|plough(?:s|ed|ing)?|sink(?:s|ing)?|sank|funnel(?:s|ed|led|ing)?|"
                    + "provid(?:e|es|ed|ing)|contribut(?:e|es|ed|ing)|brings?|bringing|backs?|backed|backing|offer(?:s|ed|ing)?|"
                    + "ploughed|invest an?|spent|lends?|lent|extend(?:s|ed)?|led (?:the|a|its) (?:\\w+\\s+){0,2}?round with)\\s+" + FILL + "$");
    private static final Pattern RECEIVE_VERB_LEFT = Pattern.compile(
            "\\b(rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|land(?:s|ed|ing)?|tak(?:e|es|ing)|took|receiv(?:e|es|ed|ing)|gets?|got|getting|"
                    + "clos(?:e|es|ed|ing)|bag(?:s|ged|ging)?|nab(?:s|bed|bing)?|attract(?:s|ed|ing)?|wins?|won|drew|draws?|"
                    + "pull(?:s|ed)? in|haul(?:s|ed)? in|accept(?:s|ed|ing)?|obtain(?:s|ed|ing)?|collect(?:s|ed)?|snag(?:s|ged)?|score(?:s|d)?)\\s+" + FILL + "$");
    private static final Pattern INVEST_NOUN_AFTER = Pattern.compile(
            "^\\s*(?:-|–)?\\s*(?:in\\s+|of\\s+)?(?:(?:new|fresh|additional|further|strategic|equity|venture|growth|early-stage|late-stage|seed|series [a-h]\\+?|minority|primary|"
                    + "cash|convertible|initial|first|second|latest|previous|new funding|total|direct|\\w+\\s+funding|[a-z]+-led|[\\w\\-]+)\\s+){0,3}"
                    + "(?:investment|investments|funding|financing|equity|stake|capital|cash|injection|round|raise|infusion|tranche|backing|"
                    + "commitment|note|notes|check|cheque|seed|series|deal|bet|lifeline|war chest)\\b");
    private static final Pattern INVEST_NOUN_LEFT = Pattern.compile(
            "\\b(?:investment|funding|stake|injection|infusion|round|tranche|financing|cash infusion)\\s+(?:of|worth|totaling|totalling|valued at)\\s+" + FILL + "$");
    private static final Pattern INTO_MANY = Pattern.compile(
            "\\s*(?:in|into)\\s+(?:[a-z\\-]+\\s+){0,3}?(?:startups|start-ups|companies|firms|businesses|projects|ventures|deals)\\b");
    private static final Pattern CUMULATIVE_CLAUSE = Pattern.compile("^[^.;,]{0,40}\\b(so far|to date|in total|altogether|since (?:19|20)\\d\\d)\\b");
    private static final Pattern DEAL_WORTH_LEFT = Pattern.compile(
            "\\b(?:deal|agreement|contract|pact|partnership|arrangement)\\b[^.;]{0,40}\\b(?:worth|valued at)\\s+" + FILL + "$");
    private static final Pattern PAY_LEFT = Pattern.compile("\\b(?:pay|pays|paying|paid)\\b[^.;$]{0,30}$");
    private static final Pattern PAY_FOR_COMPUTE = Pattern.compile(
            "^[^.;]{0,40}\\bfor\\s+(?:\\w+\\s+){0,2}?(?:gpu|gpus|compute|computing|cloud|capacity|servers|chips|infrastructure)\\b");
    private static final Pattern CONTRACT_NP = Pattern.compile("^\\s*(?:[\\w\\-,]+\\s+){0,3}?(?:contracts?|orders?|agreements?|pacts?|purchase agreements?)\\b");
    private static final Pattern ROUND_WORD = Pattern.compile("\\b(round|series [a-h]|seed|funding round|raise)\\b");
    private static final Pattern COMPUTE_NP = Pattern.compile("^\\s*(?:in|of|worth of)\\s+(?:\\w+\\s+)?(?:computing|compute|cloud|capacity|servers|gpus|chips|processing)\\b");
    private static final Pattern SPEND_LEFT = Pattern.compile("\\b(?:spend(?:s|ing)?|buy(?:s|ing)?|purchas(?:e|es|ing)|rent(?:s|ing)?|lease|leasing)\\s+" + FILL + "$|\\b(?:commit(?:s|ted|ting)?|pledg\\w+|agree\\w*|promis\\w+|plans?|set|vow\\w*)\\s+to\\s+spend\\b");
    private static final Pattern SPEND_CONTEXT = Pattern.compile("\\b(cloud|compute|computing|capacity|spend|spending|servers?|gpus?|chips?|data cent(?:er|re)s?|services|hosting|infrastructure)\\b");
    /** Words that make a commitment one of money put into a company, not spend: "an equity commitment". */
    static final Set<String> EQUITY_WORDS = Set.of("equity", "investment", "capital", "funding");
    /** "commitment" unless an equity word stands right before it. */
    static final String SPEND_COMMITMENT = "(?<!(?:" + String.join("|", EQUITY_WORDS) + ")\\s)commitment";
    private static final Pattern SPEND_NOUN = Pattern.compile("\\b(" + SPEND_COMMITMENT + "s?|contracts?|deals?|pacts?|agreements?|spend|spending|purchases?|orders?|reservations?|arrangement|partnership)\\b");
    private static final Pattern NOT_INVESTMENT_LEFT = Pattern.compile(
            "(?:valu(?:e|es|ed|ing|ation)\\b.{0,40}|worth\\b.{0,10}|revenues?\\b.{0,15}|sales\\b.{0,10}|market\\b.{0,25}|capex\\b.{0,15}|"
                    + "capital expenditures?\\b.{0,15}|salar\\w*\\b.{0,15}|charges?\\b.{0,10}|fined?\\b.{0,10}|"
                    + "(?:acquir\\w+|bought|buy(?:s|ing)?|purchas\\w+|sold|sell\\w*)\\b[^,;]{0,40}\\bfor\\s+|price tag of|"
                    + "paid|pay(?:s|ing)?|costs?|costing|losses|lost|profits?|earn\\w*|income|raised? (?:its|their) (?:forecast|guidance)|"
                    + "implies an?|tops?|topped|exceed\\w*|hit|surpass\\w*)\\s*" + FILL + "$");
    private static final Pattern NOT_INVESTMENT_AFTER = Pattern.compile(
            "^\\s*(?:-|–)?\\s*(?:\\w+\\s+){0,2}?(?:valuation|in (?:annual(?:ized)? |recurring |quarterly )?revenues?|revenues?|in sales|sales|market|in capex|"
                    + "capital expenditures?|acquisition|buyout|takeover|purchase of|in losses|loss|profit|in profit|salary|a year|per year|annually|"
                    + "in annual|run[- ]rate|ARR|market cap|market value|data cent(?:er|re)s? (?:project|build)|in debt|debt|loan|bond|bonds|fine|settlement|penalty|budget|in cash flow|"
                    + "post-money|pre-money|bet on (?:its|their) own|fund|funds|vehicle|venture fund|investment fund|gains?|writedowns?|write-downs?|"
                    + "impairments?|dividends?|buybacks?|share repurchases?|grants?|subsid\\w+|loans?|tax credits?|incentives?|chips act\\b.*|in chips act)\\b");
    private static final Pattern CUMULATIVE = Pattern.compile(
            "(?:doubl|tripl|increas|rais|lift|boost|expand)\\w*\\s+(?:its|their)\\s+(?:total\\s+)?(?:investment|stake|commitment|backing)\\b[^$]{0,40}\\bto\\s+$|\\b(totals?|totaling|totalling|stands at|standing at|to date|so far|cumulative|in all|altogether|overall|now at)\\b");
    private static final Pattern CUMULATIVE_AFTER = Pattern.compile("^\\s*(?:in\\s+)?(?:total|to date|so far|overall|altogether|in all|cumulatively)\\b");

    /** "raised about $1.25bn altogether": a running total follows the figure that ends at {@code end}. */
    static boolean totalAfter(String ls, int end) {
        return CUMULATIVE_AFTER.matcher(ls).region(end, ls.length()).lookingAt();
    }

    private static final Pattern PERFECT_INVESTED = Pattern.compile("\\b(?:has|have|had)\\s+(?:now\\s+|already\\s+|so far\\s+)?(?:invested|poured|put|pumped|committed)\\s+" + FILL + "$");
    private static final Pattern PREP = Pattern.compile("\\b(in|into|to|for|toward|towards|from|by|with|of|at|on|behind)\\b");
    private static final Pattern LIST_CUE = Pattern.compile(
            "(?i)\\b(?:led by|co-led by|co-led with|participation from|participants? includ(?:ed|ing|e)|investors? includ(?:ed|ing|e)|backers? includ(?:ed|ing|e)|"
                    + "investors such as|backers such as|including|joined by|backed by|funded by|along with|alongside|investors?|backers?|with|counts?|"
                    + "(?:round|raise|financing|funding|investors?|backers?|participants?|syndicate|shareholders)(?:\\s+\\w+){0,3}?\\s+(?:also\\s+)?includ(?:ed|es|e)|"
                    + "(?:money|funding|capital|cash|financing|investments?)\\s+from)\\s+(?:existing\\s+|new\\s+|investors?\\s+|backers?\\s+)?$");
    private static final Pattern RECEIVE_VERB = Pattern.compile(
            "\\b(rais(?:e|es|ed|ing)|secur(?:es|ed|ing)|land(?:s|ed)|clos(?:es|ed|ing)|bag(?:s|ged)|nab(?:s|bed)|took|takes|taken|taking|drew|draws|drawn|receiv(?:es|ed)|got|gets|attract(?:s|ed)|"
                    + "announc(?:es|ed) (?:a|an|its)\\s+(?:\\$?[\\w.]+\\s+){0,3}?(?:round|funding|financing))\\b");
    private static final Pattern INVEST_NO_MONEY = Pattern.compile(
            "\\b(invest(?:s|ed|ing)?|among (?:the\\s+)?(?:\\w+\\s+)?(?:investors|backers|shareholders)|(?:take|takes|took|taking|taken|buy|buys|bought|acquire|acquires|acquired|get|gets|got|receive|receives|received|has|have|holds?|owns?|owned)\\s+an?\\s+(?:[\\w%.\\-]+\\s+){0,4}?stake|led (?:the|a|its) (?:\\w+\\s+){0,3}?round|"
                    + "participated|backs|backed|backing|is an investor|are investors|funded|co-led|joined|join|took part|take part)\\b");
    private static final Pattern ACQUISITION = Pattern.compile("\\b(acquir(?:e|es|ed|ing)|acquisition|buy(?:s|ing)? out|takeover|merg(?:e|er|ed))\\b");
    private static final Pattern REPORTED = Pattern.compile(
            "\\b(according to|reportedly|reported|people familiar|sources? (?:said|say|told|close)|is said to|are said to|in talks|report(?:s|ed)? that|"
                    + "told (?:reuters|bloomberg|cnbc)|per a report|citing|rumou?red|would be|is in discussions|in advanced talks)\\b");
    private static final Pattern PLANNED = Pattern.compile(
            "\\b(will (?:invest|put|provide|pour|commit|spend|buy|acquire|make|contribute)|plans? to|planning to|would invest|could invest|could|is set to|are set to|"
                    + "expects? to|expected to|intends? to|option to|future|considering|eyeing|aims? to|is poised to|in talks)\\b");
    private static final Pattern COMPLETED = Pattern.compile(
            "\\b(invested|has invested|have invested|had invested|put|poured|pumped|raised|closed|completed|led|took|received|injected|backed|participated|"
                    + "funded|provided|bought|secured|landed|bagged|nabbed|finalized|finalised|deployed|taken|has taken|obtained|won|sold)\\b");
    private static final Pattern BACKGROUND = Pattern.compile(
            "\\b(previous|previously|earlier|original|originally|prior|in the past|since|once|before)\\b");
    private static final Pattern YEARS = Pattern.compile(
            "\\b(?:over|across|for|during|spanning|within)\\s+(?:the\\s+)?(?:next\\s+|coming\\s+|following\\s+|a\\s+)?(?<n>\\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)?\\s*(?<u>years?|decades?)\\b"
                    + "|\\b(?<n2>\\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)[- ](?<u2>years?|decades?)[- ](?:long|deal|contract|agreement|commitment|pact|term)"
                    + "|\\b(?<dl>decade-long|decadelong)\\b");
    private static final Pattern USE_CUE = Pattern.compile(
            "\\b(spend(?:s|ing)?|train(?:s|ed|ing)?|runs?|running|ran|us(?:e|es|ed|ing)|deploy(?:s|ed|ing)?|rel(?:y|ies|ied|ying|iance)|powered by|built|build(?:s|ing)?|"
                    + "buy(?:s|ing)?|bought|purchas\\w*|order(?:s|ed|ing)?|rent(?:s|ed|ing)?|access to|adopt\\w*|tap(?:s|ped|ping)?|focus on|"
                    + "commit(?:s|ted|ment)? to|clusters? of|fleet of|thousands of|tens of thousands|hundreds of thousands|secur(?:e|es|ed|ing)|"
                    + "relies on|leverag\\w+|serv(?:e|es|ed|ing)|migrat\\w+|optimi[sz]\\w+ for|switch\\w* to|needs?|"
                    + "test(?:s|ed|ing)|evaluat\\w+|install\\w*|equipped with|based on|receiv\\w+|acquir\\w+|gets?|got|own(?:s|ed)?|"
                    + "operat\\w+|customers? (?:of|for)|allocations? of|shipments? of|supply of|orders? for|contracts? for)\\b");
    private static final Pattern CLOUD_OFFERS = Pattern.compile("\\b(offer(?:s|ed|ing)?|host(?:s|ed|ing)?|add(?:s|ed|ing)?|launch(?:es|ed|ing)?|roll(?:s|ed|ing)? out)\\b");
    private static final Pattern USE_NEGATIVE = Pattern.compile(
            "\\b(compet\\w*|rival\\w*|alternatives?|(?<!more |less |fewer )than|versus|vs|against|instead of|dependence on|challenger|match(?:es)?|outperform\\w*|beat\\w*)\\b[^.;]{0,25}$");

    private static final Pattern DURATION_AFTER_COMMA = Pattern.compile(",\\s*(?:[\\w]+-(?:year|month)|multiyear|multi-year|long-term)\\b");
    /** "H200 chips rented from Lambda under a $18 million contract": what was bought comes before the figure. */
    private static final Pattern RENTED = Pattern.compile("\\b(?:rent\\w*|leas\\w*|bought|buy\\w*|purchas\\w*|order\\w*|reserv\\w*)\\b");
    /** "supply OpenAI with chips": the object of a supply verb is the customer. */
    private static final Pattern SUPPLY_BEFORE = Pattern.compile("\\b(?:suppl(?:y|ies|ying|ied)|provid(?:e|es|ing|ed)|deliver(?:s|ing|ed)?|furnish\\w*)\\s+$");

    /** "$175 million from Founders Fund": a party follows, so "fund" there names an investor, not a fund being raised. */
    private static final Pattern PARTY_AFTER = Pattern.compile("^\\s*(?:from|by|led by|co-led by|with)\\s+[^$]{0,40}\\bfunds?\\b");
    /** "| Amazon | $4 billion |", "Google: $2 billion", "- Nvidia — $1 billion": a labelled row. */
    private static final Pattern ROW_LABEL = Pattern.compile("^[\\s|*\\-•#]*$");
    private static final Pattern ROW_SEPARATOR = Pattern.compile("^\\s*\\**\\s*(?:\\||:|—|–|-)\\s*[^$€£¥]{0,12}$");
    /** "Who has invested in Anthropic", "Anthropic's backers": the company a document's rows are about. */
    private static final Pattern TOPIC = Pattern.compile("\\b(?:invest\\w*|stakes?|backers|investors|funding|backing)\\s+(?:in|of|for|into)\\s+$");

    private static final String PENDING = new String("pending");
    private static final String PENDING_SPEND = new String("pending-spend");

    // precompiled: these run for every figure and name
    private static final Pattern NP_MODIFIERS_ONLY = Pattern.compile("\\s*(?:-|–)?\\s*(?:in\\s+)?(?:new|fresh|additional|further|strategic|initial|latest)?\\s*");
    private static final Pattern LIST_JOIN = Pattern.compile("\\s*(?:,|and|, and)\\s*");
    private static final Pattern ENDS_WITH_WITH = Pattern.compile(".*\\bwith\\s+$");
    private static final Pattern LIST_JOIN_LONG = Pattern.compile("(?:'s)?\\s*(?:,|and|, and|&|as well as|, as well as)\\s*(?:existing investors?\\s+)?(?:the\\s+)?");
    private static final Pattern LIST_JOIN_POSS = Pattern.compile("(?:'s)?\\s*(?:,|and|, and|&)\\s*");
    private static final Pattern LIST_JOIN_AMP = Pattern.compile("\\s*(?:,|and|, and|&)\\s*");
    private static final Pattern OPTION_TO_REACH = Pattern.compile(".*\\b(option to|could reach|up to|reach|rising to|grow to)\\s*$");
    private static final Pattern CLOUD_PREP_BEFORE = Pattern.compile(".*\\b(on|to|with|in|for)\\s+(?:the\\s+)?$");
    private static final Pattern POSSESSIVE_GAP = Pattern.compile("(?:'s|’s|s)?\\s*(?:[a-z\\-]+\\s+){0,2}");
    private static final Pattern OBJECT_PREP_BEFORE = Pattern.compile(".*\\b(in|into|to|for|from|with|by|than|against|like|over|about|of)\\s+(?:the\\s+)?$");
    private static final Pattern NEXT_DECADE = Pattern.compile(".*\\b(next|a|coming|following)\\s+decade.*");
    private static final Pattern FOUNDED_BEFORE = Pattern.compile(".*\\b(founded|established|launched|set up|started|created|formed|incorporated|spun out)\\s+(?:in\\s+)?$");
    private static final Pattern SPEND_WORD_LEFT = Pattern.compile("(?s).*\\bspend\\w*\\s+" + FILL + "$");

    // The words each pattern's matches begin with: find() tries a pattern only where one of them begins (Starts), or,
    // for patterns anchored elsewhere, only when the text holds a word every match holds (Gate). Same results, fewer
    // attempts: these run for every figure, name and sentence. GateTest checks the word lists against the patterns.
    private static final Starts DEAL_WORTH_LEFT_AT = Starts.of(DEAL_WORTH_LEFT, "deal", "agreement", "contract", "pact", "partnership",
            "arrangement").atWordStarts();
    private static final Starts PAY_LEFT_AT = Starts.of(PAY_LEFT, "pay", "paid").atWordStarts();
    private static final Starts NOT_INVESTMENT_LEFT_AT = Starts.of(NOT_INVESTMENT_LEFT, "valu", "worth", "revenue", "sales", "market",
            "capex", "capital expenditure", "salar", "charge", "fine", "acquir", "bought", "buy", "purchas", "sold", "sell",
            "price tag of", "paid", "pay", "cost", "losses", "lost", "profit", "earn", "income", "raise", "implies a", "top", "exceed",
            "hit", "surpass");
    private static final Starts SPEND_LEFT_AT = Starts.of(SPEND_LEFT, "spend", "buy", "purchas", "rent", "leas", "commit", "pledg",
            "agree", "promis", "plan", "set", "vow").atWordStarts();
    private static final Gate SPEND_WORD_LEFT_GATE = new Gate(SPEND_WORD_LEFT, "spend");
    private static final Starts SPEND_CONTEXT_AT = Starts.of(SPEND_CONTEXT, "cloud", "comput", "capacity", "spend", "server", "gpu",
            "chip", "data cent", "services", "hosting", "infrastructure").atWordStarts();
    private static final Starts SPEND_NOUN_AT = Starts.of(SPEND_NOUN, "commitment", "contract", "deal", "pact", "agreement", "spend",
            "purchase", "order", "reservation", "arrangement", "partnership").atWordStarts();
    private static final Starts RENTED_AT = Starts.of(RENTED, "rent", "leas", "bought", "buy", "purchas", "order", "reserv").atWordStarts();
    private static final Starts INVEST_VERB_LEFT_AT = Starts.of(INVEST_VERB_LEFT, "invest", "put", "pour", "pump", "inject", "commit",
            "pledg", "plow", "plough", "sink", "sank", "funnel", "provid", "contribut", "bring", "back", "offer", "spent", "lend", "lent",
            "extend", "led ").atWordStarts();
    private static final Starts INVEST_NOUN_LEFT_AT = Starts.of(INVEST_NOUN_LEFT, "investment", "funding", "stake", "injection", "infusion",
            "round", "tranche", "financing", "cash infusion").atWordStarts();
    private static final Starts RECEIVE_VERB_LEFT_AT = Starts.of(RECEIVE_VERB_LEFT, "rais", "secur", "land", "tak", "took", "receiv", "get",
            "got", "clos", "bag", "nab", "attract", "win", "won", "drew", "draw", "pull", "haul", "accept", "obtain", "collect", "snag",
            "score").atWordStarts();
    private static final Starts CUMULATIVE_AT = Starts.of(CUMULATIVE, "doubl", "tripl", "increas", "rais", "lift", "boost", "expand",
            "total", "stand", "to date", "so far", "cumulative", "in all", "altogether", "overall", "now at");
    private static final Gate CUMULATIVE_CLAUSE_GATE = new Gate(CUMULATIVE_CLAUSE, "so far", "to date", "in total", "altogether", "since ");
    private static final Starts PERFECT_INVESTED_AT = Starts.of(PERFECT_INVESTED, "has", "have", "had").atWordStarts();
    private static final Starts ROUND_WORD_AT = Starts.of(ROUND_WORD, "round", "series ", "seed", "funding round", "raise").atWordStarts();
    private static final Starts PREP_AT = Starts.of(PREP, "in", "to", "for", "from", "by", "with", "of", "at", "on", "behind").atWordStarts();
    private static final Starts RECEIVE_VERB_AT = Starts.of(RECEIVE_VERB, "rais", "secur", "land", "clos", "bag", "nab", "took", "tak",
            "drew", "draw", "receiv", "got", "gets", "attract", "announc").atWordStarts();
    private static final Starts REPORTED_AT = Starts.of(REPORTED, "accord", "report", "people familiar", "source", "is said", "are said",
            "in talks", "told", "per a report", "citing", "rumo", "would be", "is in discussions", "in advanced talks").atWordStarts();
    private static final Starts PLANNED_AT = Starts.of(PLANNED, "will ", "plan", "would invest", "could", "is set to", "are set to",
            "expect", "intend", "option to", "future", "considering", "eyeing", "aim", "is poised to", "in talks").atWordStarts();
    private static final Starts COMPLETED_AT = Starts.of(COMPLETED, "invested", "has ", "have ", "had ", "put", "poured", "pumped", "raised",
            "closed", "completed", "led", "took", "received", "injected", "backed", "participated", "funded", "provided", "bought",
            "secured", "landed", "bagged", "nabbed", "finali", "deployed", "taken", "obtained", "won", "sold").atWordStarts();
    private static final Starts BACKGROUND_AT = Starts.of(BACKGROUND, "previous", "earlier", "original", "prior", "in the past", "since",
            "once", "before").atWordStarts();
    private static final Starts YEARS_AT = Starts.ofDigitsAnd(YEARS, "over", "across", "for", "during", "spanning", "within", "two",
            "three", "four", "five", "six", "seven", "eight", "nine", "ten", "fifteen", "twenty", "decade").atWordStarts();
    private static final Starts TOPIC_AT = Starts.of(TOPIC, "invest", "stake", "backers", "investors", "funding", "backing").atWordStarts();
    private static final Starts USE_NEGATIVE_AT = Starts.of(USE_NEGATIVE, "compet", "rival", "alternative", "than", "versus", "vs",
            "against", "instead of", "dependence on", "challenger", "match", "outperform", "beat").atWordStarts();
    private static final Pattern SPAN_EDGE_BEFORE = Pattern.compile(".*\\b(starting|beginning|commencing|effective|through|until|till)\\s+(?:in\\s+|on\\s+|from\\s+)?(?:early\\s+|late\\s+|mid-?)?$");
    private static final Gate SPAN_EDGE_BEFORE_GATE = new Gate(SPAN_EDGE_BEFORE, "starting", "beginning", "commencing", "effective", "through", "until", "till");
    /** A date mention that itself opens with a span's edge: "by 2030", "until 2030", "through 2030". */
    private static final Pattern SPAN_EDGE_AT = Pattern.compile("(?:by|until|through)\\b");
    private static final Gate FOUNDED_BEFORE_GATE = new Gate(FOUNDED_BEFORE, "founded", "established", "launched", "set up", "started",
            "created", "formed", "incorporated", "spun out");

    private final Knowledge knowledge;

    Relations(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    /** What earlier sentences established; one per extract() call, so the extractor stays thread-safe. */
    private static final class Context {
        String raiser;
        int raiserAt = -10;
        /** The last deal's target and date, when its sentence stated a date. */
        String dealTo;
        String dealDate;
        int dealAt = -10;
        /** What the document's investor rows are about: a heading's "invested in X". */
        String topic;
    }

    private static void topic(View v, Context ctx) {
        if (!(v.ls().contains("invest") || v.ls().contains("back") || v.ls().contains("stake") || v.ls().contains("fund"))) {
            return;
        }
        for (Mentions.Mention o : v.mentions()) {
            if ("Company".equals(o.type()) && TOPIC_AT.in(v.ls().substring(Math.max(0, o.start() - 25), o.start()))) {
                ctx.topic = o.name();
                return;
            }
        }
    }

    /**
     * "| Amazon | $4 billion | 2023 |", "Google: $2 billion in 2023": a row that labels an investor with a figure, in a
     * document about one company's backers. The investor is a known or investor-named organisation.
     */
    private boolean labelRow(View v, List<Draft> here, Context ctx, LocalDate published) {
        if (ctx.topic == null) {
            return false;
        }
        List<Mentions.Mention> orgs = orgs(v);
        if (orgs.isEmpty() || orgs.get(0).name().equals(ctx.topic)) {
            return false;
        }
        Mentions.Mention label = orgs.get(0);
        String ls = v.ls();
        if (v.money().isEmpty()) {
            // "| Menlo Ventures | undisclosed | 2023 |": a table row naming an investor without a figure
            if (ls.startsWith("|") && ROW_LABEL.matcher(ls.substring(0, label.start())).matches() && "investor".equals(kind(label.name()))
                    && ls.substring(label.end()).trim().startsWith("|")) {
                here.add(new Draft(FactType.INVESTS_IN, label.name(), ctx.topic, null, null, null, "unknown", false, null,
                        nearestDate(v, 0, ls.length()), null, "completed", v.sentence().index()));
                return true;
            }
            return false;
        }
        Money.Amount m = v.money().get(0);
        if (!ROW_LABEL.matcher(ls.substring(0, label.start())).matches() || m.start() < label.end()
                || !ROW_SEPARATOR.matcher(ls.substring(label.end(), m.start())).matches()
                || !"investor".equals(kind(label.name())) || NOT_INVESTMENT_AFTER.matcher(ls.substring(m.end())).lookingAt()) {
            return false;
        }
        boolean cumulative = totalAfter(ls, m.end()) || ls.contains("total");
        here.add(new Draft(FactType.INVESTS_IN, label.name(), ctx.topic, m.amount(), m.currency(), m.usd(), m.qualifier(), cumulative,
                null, nearestDate(v, m.start(), m.end()), null, "completed", v.sentence().index()));
        return true;
    }

    /** "Y is raising new funding", "Y is in talks to raise money": a raiser with no figure yet. */
    private static final Pattern RAISE_NO_MONEY = Pattern.compile(
            "\\b(?:rais(?:e|es|ed|ing)|seek(?:s|ing)?|secur(?:e|es|ed|ing))\\s+(?:new\\s+|fresh\\s+|more\\s+|additional\\s+)?(?:money|funding|capital|financing|funds)\\b");

    List<Draft> extract(List<View> views, LocalDate published) {
        return extract(views, published, Deadline.none());
    }

    List<Draft> extract(List<View> views, LocalDate published, Deadline deadline) {
        List<Draft> out = new ArrayList<>();
        Context ctx = new Context();
        String[] lastPair = null;
        int lastPairAt = -10;
        Set<String> chipsSeen = new HashSet<>();
        Set<String> cloudsSeen = new HashSet<>();
        for (View v : views) {
            deadline.check();
            int si = v.sentence().index();
            if (v.mentions().isEmpty() && v.money().isEmpty()) {
                continue; // nothing to relate
            }
            List<Draft> here = new ArrayList<>();
            List<Draft> background = new ArrayList<>(0);
            boolean tableRow = isTableRow(v);
            topic(v, ctx);
            if (tableRow && lastPair != null) {
                tableRow(v, lastPair, here, published);
            } else if (labelRow(v, here, ctx, published)) {
                // a row of an investor table: nothing else to read in it
            } else {
                moneyFacts(v, here, lastPair, si - lastPairAt <= 4 ? lastPair : null, published, ctx);
                roundFacts(v, here, published, si - ctx.raiserAt <= 3 ? ctx.raiser : null);
                dropRoundRepeats(here);
                noMoneyInvestments(v, here, background, published, si - ctx.raiserAt <= 2 ? ctx.raiser : null);
                noMoneySpend(v, here, published);
            }
            chipFacts(v, here, chipsSeen);
            cloudFacts(v, here, cloudsSeen);
            String statusFact = null;
            String statusSpend = null;
            for (int k = 0; k < here.size(); k++) {
                Draft d = here.get(k);
                if (d.status() == PENDING || d.status() == PENDING_SPEND) {
                    // the sentence's tense and attribution decide; computed once per sentence
                    boolean spend = d.status() == PENDING_SPEND;
                    if (spend && statusSpend == null) {
                        statusSpend = status(v, true);
                    } else if (!spend && statusFact == null) {
                        statusFact = status(v, false);
                    }
                    here.set(k, d.withStatus(spend ? statusSpend : statusFact));
                }
            }
            carryDates(v, here, ctx, published);
            for (Draft d : here) {
                if (d.type() == FactType.INVESTS_IN && d.from() != null && d.to() != null) {
                    lastPair = new String[]{d.from(), d.to()};
                    lastPairAt = si;
                    ctx.raiser = d.to(); // "The round was led by X" next: the same target
                    ctx.raiserAt = si;
                }
            }
            if (ctx.raiserAt != si && v.money().isEmpty()) {
                Matcher rn = RAISE_NO_MONEY.matcher(v.ls());
                if ((v.ls().contains("rais") || v.ls().contains("seek") || v.ls().contains("secur")) && rn.find()) {
                    String raiser = subjectBefore(v, orgs(v), rn.start(), List.of());
                    if (raiser != null) {
                        ctx.raiser = raiser;
                        ctx.raiserAt = si;
                    }
                }
            }
            out.addAll(here);
            for (Draft d : background) {
                out.add(d.withStatus(status(v, false))); // references to a deal, which set no context for the next sentence
            }
        }
        return out;
    }

    /**
     * "X raised $N on Monday. Y led the round.": a sentence with no date of its own that continues the deal of the
     * sentence before takes that sentence's date, not the publication date.
     */
    private static void carryDates(View v, List<Draft> here, Context ctx, LocalDate published) {
        int si = v.sentence().index();
        boolean ownDate = !v.dates().isEmpty();
        String pub = published == null ? null : published.toString();
        for (int k = 0; k < here.size(); k++) {
            Draft d = here.get(k);
            if (d.type() != FactType.INVESTS_IN || d.to() == null) {
                continue;
            }
            if (ownDate && d.date() != null) {
                ctx.dealTo = d.to();
                ctx.dealDate = d.date();
                ctx.dealAt = si;
            } else if (!ownDate && si - ctx.dealAt <= 2 && d.to().equals(ctx.dealTo) && pub != null && pub.equals(d.date())) {
                here.set(k, d.withDate(ctx.dealDate));
            }
        }
    }

    // ---------------------------------------------------------------- money

    private void moneyFacts(View v, List<Draft> out, String[] docPair, String[] recentPair, LocalDate published, Context ctx) {
        String ls = v.ls();
        List<Mentions.Mention> orgs = orgs(v);
        boolean acquisition = (ls.contains("acqui") || ls.contains("buy") || ls.contains("takeover") || ls.contains("merg"))
                && ACQUISITION.matcher(ls).find();
        Long trancheOf = null;
        int trancheWord = ls.indexOf("tranche");
        for (int k = 0; k < v.money().size(); k++) {
            Money.Amount m = v.money().get(k);
            String left = ls.substring(Math.max(0, m.start() - 45), m.start());
            // DURATION_AFTER_COMMA begins with a comma
            boolean durationAfter = m.end() < ls.length() && ls.charAt(m.end()) == ','
                    && DURATION_AFTER_COMMA.matcher(ls).region(m.end(), ls.length()).lookingAt();
            String np = nounPhraseAfter(ls, durationAfter ? m.end() + 1 : m.end());
            String after = ls.substring(m.end(), Math.min(ls.length(), m.end() + 80));
            boolean dealValue = DEAL_WORTH_LEFT_AT.in(left);
            boolean payForCompute = PAY_LEFT_AT.in(left) && PAY_FOR_COMPUTE.matcher(after).lookingAt();
            if (!dealValue && !payForCompute && (NOT_INVESTMENT_LEFT_AT.in(left) || NOT_INVESTMENT_AFTER.matcher(after).lookingAt() && !PARTY_AFTER.matcher(after).lookingAt())) {
                continue;
            }
            if (payForCompute || dealValue && !ls.contains("invest") && SPEND_CONTEXT_AT.in(ls)) {
                spendFact(v, m, orgs, out, published);
                continue;
            }
            boolean computeNp = COMPUTE_NP.matcher(np).lookingAt();
            boolean spend = SPEND_LEFT_AT.in(left) && (SPEND_WORD_LEFT_GATE.matches(left) || computeNp || cloudRightAfter(v, m))
                    || computeNp && SPEND_NOUN_AT.in(ls)
                    || (SPEND_CONTEXT_AT.in(np) && SPEND_NOUN_AT.in(np))
                    || cloudRightAfter(v, m);
            boolean contractNoun = CONTRACT_NP.matcher(np).lookingAt();
            if (contractNoun && (SPEND_CONTEXT_AT.in(after) || SPEND_CONTEXT_AT.in(left) && RENTED_AT.in(left))) {
                spendFact(v, m, orgs, out, published);
                continue;
            }
            if (contractNoun) {
                continue; // a contract for something else is not an investment
            }
            if (spend) {
                spendFact(v, m, orgs, out, published);
                continue;
            }
            boolean investNoun = INVEST_NOUN_AFTER.matcher(after).lookingAt();
            boolean investVerb = INVEST_VERB_LEFT_AT.in(left) || INVEST_NOUN_LEFT_AT.in(left);
            boolean receive = RECEIVE_VERB_LEFT_AT.in(left) || rowLabelBefore(v, orgs, m);
            if (!(investNoun || investVerb || receive)) {
                // "$1.25 billion in September 2023": a figure in an investment sentence with no noun of its own
                if (!(ls.contains("invest") || ls.contains("tranche") || ls.contains("funding")) || acquisition) {
                    continue;
                }
            }
            if (acquisition && !investNoun && !investVerb) {
                continue;
            }
            int prevEnd = k > 0 ? v.money().get(k - 1).end() : 0;
            String near = ls.substring(Math.max(prevEnd, m.start() - 45), m.start());
            boolean perfect = PERFECT_INVESTED_AT.in(left);
            boolean cumulative = CUMULATIVE_AT.in(near)
                    || CUMULATIVE_AFTER.matcher(after).lookingAt()
                    || CUMULATIVE_CLAUSE_GATE.lookingAt(after) && perfect
                    || (perfect && !"exact".equals(m.qualifier()));
            boolean round = ROUND_WORD_AT.in(np);
            String investor = null;
            String target = null;
            List<String> investorsAfter = new ArrayList<>();
            int lastOrgEnd = m.end();
            // parties after the figure, by the last preposition before them
            for (Mentions.Mention o : orgs) {
                if (o.start() < m.end() || pronoun(o)) {
                    continue; // "led by Eurazeo, it said": a pronoun continues no list
                }
                String gap = ls.substring(m.end(), o.start());
                String sinceLast = ls.substring(lastOrgEnd, o.start());
                lastOrgEnd = o.end();
                if (o.start() - m.end() > 70 || containsMoney(v, m.end(), o.start()) || gap.contains(";")) {
                    break;
                }
                if (!investorsAfter.isEmpty() && LIST_JOIN.matcher(sinceLast).matches()) {
                    investorsAfter.add(o.name()); // "from A, B and C"
                    continue;
                }
                if (target != null && moneyRightAfter(v, o)) {
                    break; // "in Anthropic and Nvidia up to $10 billion": a new, gapped clause
                }
                if (gap.contains(",")) {
                    break; // a clause boundary
                }
                String prep = lastPrep(gap);
                if (prep == null) {
                    if (gap.isBlank() || NP_MODIFIERS_ONLY.matcher(gap).matches()) {
                        // "$4 billion Anthropic investment": the name inside the noun phrase is the target
                        if (INVEST_NOUN_AFTER.matcher(ls.substring(o.end())).find() && target == null) {
                            target = o.name();
                            continue;
                        }
                    }
                    if (!investorsAfter.isEmpty() && LIST_JOIN.matcher(gap).matches()) {
                        investorsAfter.add(o.name());
                    }
                    continue;
                }
                switch (prep) {
                    case "in", "into", "to", "for", "toward", "towards", "behind" -> {
                        if (target == null && !gap.contains(" from ") && !gap.contains(" by ")) {
                            target = o.name();
                        }
                    }
                    case "from", "by", "with" -> {
                        if (gap.contains(" from ") || gap.contains(" by ") || gap.contains("led by")) {
                            investorsAfter.add(o.name());
                        }
                    }
                    default -> {
                        if (!investorsAfter.isEmpty() && LIST_JOIN.matcher(gap).matches()) {
                            investorsAfter.add(o.name());
                        }
                    }
                }
            }
            Mentions.Mention possessor = possessorBefore(v, orgs, m);
            if (receive && !investNoun || receive && !investVerb) {
                // "Y raises $N from X": the subject is the target
                String subject = subjectBefore(v, orgs, m.start(), investorsAfter);
                if (subject != null && target == null) {
                    target = subject;
                }
                if (target == null) {
                    continue;
                }
                ctx.raiser = target;
                ctx.raiserAt = v.sentence().index();
                if (investorsAfter.isEmpty()) {
                    // the investors may come in a "led by" list (roundFacts) or the next sentence ("X led the round")
                    ctx.raiser = target;
                    ctx.raiserAt = v.sentence().index();
                    continue;
                }
                boolean one = investorsAfter.size() == 1 && !round && !ls.contains("led by") && !ls.contains("participation")
                        && !ls.contains("investors") && !ls.contains("backers") && !ls.contains("others");
                for (String inv : investorsAfter) {
                    Draft d = invest(v, inv, target, one ? m : null, cumulative, null, published);
                    out.add(one ? d : d.asRound());
                }
                continue;
            }
            if (!investorsAfter.isEmpty() && (investNoun || round)) {
                investor = investorsAfter.get(0);
            }
            if (investor == null && possessor != null && !possessor.name().equals(target)) {
                investor = possessor.name();
            }
            if (investor == null) {
                investor = subjectBefore(v, orgs, m.start(), List.of(target == null ? "" : target));
            }
            if (investor == null) {
                for (Mentions.Mention o : orgs) {
                    if (o.start() >= m.end() && !o.name().equals(target) && !isObjectPosition(ls, o)) {
                        investor = o.name();
                        break;
                    }
                }
            }
            if (target == null && investor != null && (investNoun || cumulative) && !ls.contains(" each ")) {
                // "Anthropic and Amazon ... a $5 billion investment": the other party, if the direction is clear
                for (Mentions.Mention o : orgs) {
                    if (!o.name().equals(investor) && "Company".equals(o.type()) && o.start() < m.start()) {
                        String[] dir = direction(investor, o.name());
                        if (dir != null) {
                            investor = dir[0];
                            target = dir[1];
                            break;
                        }
                    }
                }
            }
            if (target == null && INTO_MANY.matcher(ls).region(m.end(), ls.length()).lookingAt()) {
                continue; // "has invested more than $100 billion in startups": a record of many deals, none of them this one
            }
            String[] sentencePair = null;
            for (Draft d : out) {
                if (d.type() == FactType.INVESTS_IN && d.sentence() == v.sentence().index() && d.from() != null && d.to() != null) {
                    sentencePair = new String[]{d.from(), d.to()};
                }
            }
            if (sentencePair != null && (investor == null || investor.equals(sentencePair[0])) && target == null) {
                investor = sentencePair[0];
                target = sentencePair[1];
            }
            if (target == null && investor != null && docPair != null && docPair[0].equals(investor)) {
                target = docPair[1];
            }
            if (target == null && investor != null && investVerb && !investor.equals(ctx.raiser)
                    && v.sentence().index() - ctx.raiserAt <= 2 && ctx.raiser != null) {
                target = ctx.raiser; // "Y raised $2 billion. X led the round with $800 million."
            }
            if (investor == null && target != null && docPair != null && docPair[1].equals(target)) {
                investor = docPair[0];
            }
            if (target == null && investor != null && sentencePair != null && !investor.equals(sentencePair[0]) && gappedSubject(v, orgs, m, investor)) {
                target = sentencePair[1]; // "X will invest $5 billion in Y and Z up to $10 billion": Z invests in Y too
            }
            if (investor == null && target == null && orgs.isEmpty() && recentPair != null) {
                investor = recentPair[0];
                target = recentPair[1];
            }
            if (investor == null || target == null || investor.equals(target)) {
                continue;
            }
            if (trancheWord >= 0 && k > 0 && m.start() > trancheWord && trancheOf == null) {
                Money.Amount whole = v.money().get(0);
                trancheOf = whole.usd();
            }
            Long tranche = trancheWord >= 0 && k > 0 && m.start() > trancheWord ? trancheOf : null;
            // a round's size is never one investor's amount, unless the investor is the one said to put it in
            boolean roundShare = round && (!investorsAfter.isEmpty() || !investVerb);
            List<String> joint = investVerb && possessor == null && investorsAfter.isEmpty() ? coordinated(v, orgs, investor) : List.of();
            if (joint.size() > 1 && !joint.contains(target)) {
                for (String inv : joint) {
                    out.add(invest(v, inv, target, null, false, null, published).asRound()); // the figure is their total
                }
                continue;
            }
            Draft d = invest(v, investor, target, roundShare ? null : m, cumulative, tranche, published);
            out.add(roundShare ? d.asRound() : d);
        }
    }

    private Draft invest(View v, String from, String to, Money.Amount m, boolean cumulative, Long trancheOf, LocalDate published) {
        String date = m == null ? nearestDate(v, 0, v.s().length()) : nearestDate(v, m.start(), m.end());
        date = defaultDate(v, date, cumulative, published);
        return new Draft(FactType.INVESTS_IN, from, to, m == null ? null : m.amount(), m == null ? null : m.currency(),
                m == null ? null : m.usd(), m == null ? "unknown" : m.qualifier(), cumulative, trancheOf, date, null,
                PENDING, v.sentence().index());
    }

    private void spendFact(View v, Money.Amount m, List<Mentions.Mention> orgs, List<Draft> out, LocalDate published) {
        String left = v.ls().substring(Math.max(0, m.start() - 45), m.start());
        if (RECEIVE_VERB_LEFT_AT.in(left)) {
            // "Nscale secured a $14 billion contract from Microsoft": the seller is the subject
            String seller = subjectBefore(v, orgs, m.start(), List.of());
            for (Mentions.Mention o : orgs) {
                if (seller != null && o.start() >= m.end() && !o.name().equals(seller)) {
                    String gap = v.ls().substring(m.end(), o.start());
                    if (gap.length() < 50 && (gap.contains(" from ") || gap.contains(" with ") || gap.contains(" by "))) {
                        String date = defaultDate(v, nearestDate(v, m.start(), m.end()), false, published);
                        out.add(new Draft(FactType.COMMITS_SPEND_TO, o.name(), seller, m.amount(), m.currency(), m.usd(), m.qualifier(),
                                false, null, date, years(v.ls()), PENDING_SPEND, v.sentence().index()));
                        return;
                    }
                }
            }
        }
        Mentions.Mention provider = provider(v, orgs, m.end());
        if (provider == null) {
            return;
        }
        String customer = customer(v, orgs, provider, m.start());
        if (customer == null) {
            return;
        }
        String date = defaultDate(v, nearestDate(v, m.start(), m.end()), false, published);
        out.add(new Draft(FactType.COMMITS_SPEND_TO, customer, provider.name(), m.amount(), m.currency(), m.usd(), m.qualifier(),
                false, null, date, years(v.ls()), PENDING_SPEND, v.sentence().index()));
    }

    private static final Pattern SELLER_PREP = Pattern.compile("\\b(?:from|through|via)\\s+(?:the\\s+)?$");

    private Mentions.Mention provider(View v, List<Mentions.Mention> orgs, int after) {
        // "to rent GPUs from Oracle", "40,000 GB300 chips through CoreWeave": the seller is named
        for (Mentions.Mention o : orgs) {
            if (o.start() >= after && o.start() - after < 70 && !pronoun(o)
                    && SELLER_PREP.matcher(v.ls().substring(Math.max(after, o.start() - 12), o.start())).find()) {
                return o;
            }
        }
        // "spend $40 billion on Nvidia's GB200 chips": the chipmaker sells
        for (Mentions.Mention c : v.mentions()) {
            if ("Chip".equals(c.type()) && c.start() >= after && c.start() - after < 50 && knowledge.ownerOf(c.name()) != null
                    && orgs.stream().noneMatch(o -> o.start() >= after && o.end() <= c.start() && !o.name().equals(knowledge.ownerOf(c.name())))) {
                return new Mentions.Mention(c.start(), c.end(), knowledge.ownerOf(c.name()), "Company", Mentions.Source.KNOWN, true, false);
            }
        }
        Mentions.Mention best = null;
        for (Mentions.Mention o : orgs) {
            if ("Cloud".equals(o.type()) && (best == null || o.start() >= after && best.start() < after)) {
                best = o;
            }
        }
        if (best != null) {
            return best;
        }
        // compute sellers (CoreWeave, Nebius) before hyperscalers, which are customers too
        Mentions.Mention seller = null;
        for (Mentions.Mention o : orgs) {
            Knowledge.Entity e = knowledge.entity(o.name());
            if (e != null && "provider".equals(e.kind())
                    && (seller == null || Math.abs(o.end() - after) < Math.abs(seller.end() - after))) {
                seller = o;
            }
        }
        if (seller != null) {
            return seller;
        }
        for (Mentions.Mention o : orgs) {
            if (o.start() >= after && knowledge.runsCloud(o.name())) {
                return o;
            }
        }
        for (Mentions.Mention o : orgs) {
            if (knowledge.runsCloud(o.name())) {
                return o;
            }
        }
        // "a $N compute contract with Foo": an unknown provider after "with"
        for (Mentions.Mention o : orgs) {
            if (o.start() >= after) {
                String gap = v.ls().substring(after, o.start());
                if (gap.length() < 60 && "with".equals(lastPrep(gap))) {
                    return o;
                }
            }
        }
        return null;
    }

    private String customer(View v, List<Mentions.Mention> orgs, Mentions.Mention provider, int at) {
        String owner = "Cloud".equals(provider.type()) ? knowledge.ownerOf(provider.name()) : null;
        String best = null;
        for (Mentions.Mention o : orgs) {
            if (!"Company".equals(o.type()) || o.name().equals(provider.name()) || o.name().equals(owner)
                    || (owner == null && knowledge.runsCloud(o.name()) && !o.name().equals(provider.name()) && false)) {
                continue;
            }
            if (knowledge.runsCloud(o.name()) && "Cloud".equals(provider.type())) {
                continue; // a cloud's owner or rival is not its customer here
            }
            Knowledge.Entity e = knowledge.entity(o.name());
            if (e != null && "provider".equals(e.kind())) {
                continue; // compute sellers sell
            }
            if (brandOfChip(v, o)) {
                continue; // "Nvidia H200 chips rented from Lambda": Nvidia names the chips, it does not buy them
            }
            if (o.start() < at) {
                best = o.name(); // nearest before the figure
            } else if (best == null) {
                String gap = v.ls().substring(at, o.start());
                if (gap.contains("from ") || gap.contains(" by ")) {
                    return o.name();
                }
            }
        }
        return best;
    }

    private static final Pattern SPEND_NO_MONEY = Pattern.compile(
            "\\b(?:commit(?:s|ted|ting)?|pledg\\w+|agree\\w*|promis\\w+|signed on)\\s+to\\s+(?:spend(?:ing)?|purchas\\w+|buy(?:ing)?|rent(?:ing)?)\\b"
                    + "|\\b(?:compute|cloud|computing|capacity)\\s+(?:contract|deal|agreement|pact|commitment|purchase)s?\\b"
                    + "|\\b(?:contract|deal|agreement|pact)\\s+to\\s+(?:rent|buy|purchase|lease|reserve|use|access)\\b");
    private static final Pattern SUPPLY_DEAL = Pattern.compile(
            "\\b(?:suppl(?:y|ies|ying)|provid(?:e|es|ing)|deliver(?:s|ing)?)\\s+(?<customer>[^,;]{2,40}?)\\s+with\\s+(?:[\\w\\-,]+\\s+){0,4}?(?:chips|gpus|accelerators|processors|compute|computing|capacity|servers)\\b");

    private void noMoneySpend(View v, List<Draft> out, LocalDate published) {
        String l = v.ls();
        boolean pledge = l.contains(" to spend") || l.contains(" to purchas") || l.contains(" to buy") || l.contains(" to rent")
                || l.contains(" to lease") || l.contains(" to reserve") || l.contains(" to use") || l.contains(" to access");
        boolean deal = (l.contains("compute") || l.contains("cloud") || l.contains("computing") || l.contains("capacity"))
                && (l.contains("contract") || l.contains("deal") || l.contains("agreement") || l.contains("pact")
                || l.contains("commitment") || l.contains("purchase"));
        if (!v.money().isEmpty()) {
            return;
        }
        List<Mentions.Mention> orgs = orgs(v);
        if ((l.contains("suppl") || l.contains("provid") || l.contains("deliver")) && (l.contains("deal") || l.contains("contract")
                || l.contains("agreement") || l.contains("pact"))) {
            Matcher sd = SUPPLY_DEAL.matcher(l);
            if (sd.find()) {
                // "AMD agreed to supply OpenAI with chips in a deal": the object buys from the subject
                String seller = subjectBefore(v, orgs, sd.start(), List.of());
                for (Mentions.Mention o : orgs) {
                    if (seller != null && o.start() >= sd.start("customer") && o.end() <= sd.end("customer") && !o.name().equals(seller)) {
                        String date = defaultDate(v, nearestDate(v, sd.start(), sd.end()), false, published);
                        out.add(new Draft(FactType.COMMITS_SPEND_TO, o.name(), seller, null, null, null, "unknown", false, null,
                                date, years(l), PENDING_SPEND, v.sentence().index()));
                        return;
                    }
                }
            }
        }
        if (!(pledge || deal)) {
            return;
        }
        Matcher m = SPEND_NO_MONEY.matcher(v.ls());
        if (!m.find()) {
            return;
        }
        Mentions.Mention provider = provider(v, orgs, m.end());
        if (provider == null) {
            return;
        }
        String customer = customer(v, orgs, provider, m.start());
        if (customer == null) {
            return;
        }
        String date = defaultDate(v, nearestDate(v, m.start(), m.end()), false, published);
        out.add(new Draft(FactType.COMMITS_SPEND_TO, customer, provider.name(), null, null, null, "unknown", false, null,
                date, years(v.ls()), PENDING_SPEND, v.sentence().index()));
    }

    /** A list reading of "funding from Amazon" repeats a fact the figure already gave. */
    private static void dropRoundRepeats(List<Draft> here) {
        Set<String> withAmount = new HashSet<>();
        for (Draft d : here) {
            if (d.amount() != null) {
                withAmount.add(d.type() + "|" + d.from() + "|" + d.to());
            }
        }
        here.removeIf(d -> d.round() && withAmount.contains(d.type() + "|" + d.from() + "|" + d.to()));
    }

    // ---------------------------------------------------------------- rounds and figure-less investments

    /** "led by X, with participation from A and B", "investors include A and B", "backed by X". */
    private static final Pattern JOINED_ROUND = Pattern.compile(
            "\\b(?:joined|joins|participated in|participates in|took part in|takes part in|also invested in)\\s+(?:the|this|that|its)\\s+(?:\\w+\\s+){0,2}?(?:round|financing|raise|funding)\\b");

    private static final Starts JOINED_ROUND_AT = Starts.of(JOINED_ROUND, "join", "particip", "took part", "takes part", "also invested").atWordStarts();

    private void roundFacts(View v, List<Draft> out, LocalDate published, String recentRaiser) {
        List<Mentions.Mention> orgs = orgs(v);
        if (orgs.isEmpty() || orgs.size() < 2 && recentRaiser == null) {
            return;
        }
        String ls = v.ls();
        if (!(ls.contains("round") || ls.contains("raise") || ls.contains("funding") || ls.contains("backed by")
                || ls.contains("investors") || ls.contains("financing") || ls.contains("invest") || ls.contains("backers")
                || ls.contains("money from") || ls.contains("capital from") || ls.contains("cash from"))) {
            return;
        }
        Set<String> investors = new java.util.LinkedHashSet<>();
        for (int k = 0; k < orgs.size(); k++) {
            Mentions.Mention o = orgs.get(k);
            String before = ls.substring(Math.max(0, o.start() - 45), o.start());
            boolean endsWithWith = before.contains("with") && ENDS_WITH_WITH.matcher(before).matches();
            if (mayBeListCue(before) && LIST_CUE_AT.in(before) && !endsWithWith || (endsWithWith && ls.contains("round"))) {
                investors.add(o.name());
                // the rest of the list: "A, B and C"
                int end = o.end();
                for (int j = k + 1; j < orgs.size(); j++) {
                    String gap = ls.substring(end, orgs.get(j).start());
                    if (LIST_JOIN_LONG.matcher(gap).matches()) {
                        investors.add(orgs.get(j).name());
                        end = orgs.get(j).end();
                    } else {
                        break;
                    }
                }
            }
        }
        Matcher joined = JOINED_ROUND_AT.matcher(ls);
        boolean joinedRound = JOINED_ROUND_AT.find(joined, ls, 0) >= 0;
        if (joinedRound) {
            // "MGX joined the round alongside Microsoft": the subject (and its list) invested too
            String subject = subjectBefore(v, orgs, joined.start(), List.of());
            if (subject != null) {
                investors.addAll(coordinated(v, orgs, subject));
            }
        }
        if (investors.isEmpty()) {
            return;
        }
        String target = null;
        if (joinedRound && !RECEIVE_VERB_AT.in(ls)) {
            target = recentRaiser;
            if (target == null) {
                return;
            }
        }
        Matcher rv = RECEIVE_VERB_AT.matcher(ls);
        if (target == null && RECEIVE_VERB_AT.find(rv, ls, 0) >= 0) {
            target = subjectBefore(v, orgs, rv.start(), new ArrayList<>(investors));
        }
        if (target == null) {
            for (Mentions.Mention o : orgs) {
                if (!investors.contains(o.name()) && ROUND_IN_AT.in(ls.substring(Math.max(0, o.start() - 30), o.start()))) {
                    target = o.name();
                    break;
                }
            }
        }
        if (target == null) {
            // the subject the list is about ("Anthropic, which is backed by A and B") precedes the list
            int firstInvestor = Integer.MAX_VALUE;
            for (Mentions.Mention o : orgs) {
                if (investors.contains(o.name())) {
                    firstInvestor = Math.min(firstInvestor, o.start());
                }
            }
            for (Mentions.Mention o : orgs) {
                if (o.start() < firstInvestor && !investors.contains(o.name()) && "Company".equals(o.type())
                        && (o.source() != Mentions.Source.UNKNOWN || o.strong())) {
                    target = o.name();
                    break;
                }
            }
        }
        if (target == null) {
            target = recentRaiser; // "The round was led by A and B." after "Y raised $N."
        }
        if (target == null) {
            return;
        }
        for (String inv : investors) {
            if (!inv.equals(target)) {
                out.add(invest(v, inv, target, null, false, null, published).asRound());
            }
        }
    }

    /** "also invested.", "joined as well", "are expected to join, according to": a verb whose object is the deal just told. */
    private static final Pattern NO_OBJECT_AFTER = Pattern.compile(
            "\\s*(?:the\\s+(?:\\w+\\s+)?(?:round|raise|financing|funding)\\s*|as well\\s*|too\\s*|again\\s*)?(?:[.,;]|$|(?:alongside|along with|in the round)\\b)");

    private static final Pattern POSSESSIVE_STAKE = Pattern.compile(
            "'s\\s+(?:[\\w\\-%.]+\\s+){0,2}?(?:investment|investments|stake|stakes|backing|funding|holding|shareholding)\\s+(?:in|of|into)\\s+(?:the\\s+)?");
    private static final Pattern INVESTOR_OF_AFTER = Pattern.compile("'s\\s+(?:[\\w\\-]+\\s+){0,2}?(?:investors?|backers?|shareholders?)\\b");
    private static final Pattern COPULA_BEFORE = Pattern.compile("\\b(?:is|are|was|were|became|becomes|remains|as)\\s+(?:now\\s+|also\\s+|already\\s+)?$");

    private static final Pattern BACKED = Pattern.compile("^\\s*(?:-|–)\\s*backed\\b");

    private void noMoneyInvestments(View v, List<Draft> out, List<Draft> background, LocalDate published, String recentRaiser) {
        List<Mentions.Mention> orgs = orgs(v);
        String ls = v.ls();
        // "X-backed Y"; find() of a ^-anchored pattern in the rest of the sentence: lookingAt() from the name's end
        boolean backedWord = ls.contains("backed");
        for (int k = 0; k + 1 < orgs.size(); k++) {
            Mentions.Mention o = orgs.get(k);
            if (backedWord && BACKED.matcher(ls).region(o.end(), ls.length()).lookingAt()) {
                Mentions.Mention next = orgs.get(k + 1);
                if (next.start() - o.end() < 40 && "Company".equals(next.type())) {
                    out.add(invest(v, o.name(), next.name(), null, false, null, published));
                }
            }
        }
        // "Amazon's investment in Anthropic", "Google's stake in the company"
        if (ls.contains("'s ") && (ls.contains("invest") || ls.contains("stake") || ls.contains("backing") || ls.contains("funding"))) {
            for (int k = 0; k + 1 < orgs.size(); k++) {
                Mentions.Mention o = orgs.get(k);
                Mentions.Mention next = orgs.get(k + 1);
                if (o.possessive() && !pronoun(o) && POSSESSIVE_STAKE.matcher(ls.substring(o.end(), next.start())).matches()) {
                    background.add(invest(v, o.name(), next.name(), null, false, null, published));
                }
            }
        }
        // "Microsoft is OpenAI's largest investor"
        if (ls.contains("'s ") && (ls.contains("investor") || ls.contains("backer") || ls.contains("shareholder"))) {
            for (Mentions.Mention o : orgs) {
                if (o.possessive() && INVESTOR_OF_AFTER.matcher(ls).region(o.end(), ls.length()).lookingAt()
                        && COPULA_BEFORE.matcher(ls.substring(Math.max(0, o.start() - 20), o.start())).find()) {
                    String investor = subjectBefore(v, orgs, o.start(), List.of(o.name()));
                    for (String inv : coordinated(v, orgs, investor)) {
                        if (!inv.equals(o.name())) {
                            out.add(invest(v, inv, o.name(), null, false, null, published));
                        }
                    }
                }
            }
        }
        if (!(ls.contains("invest") || ls.contains("stake") || ls.contains("round") || ls.contains("particip")
                || ls.contains("backs") || ls.contains("backed") || ls.contains("backing") || ls.contains("funded")
                || ls.contains("join") || ls.contains(" part"))) {
            return;
        }
        Matcher m = INVEST_NO_MONEY.matcher(ls);
        for (int at = Tokens.wordMatch(m, ls, 0, INVEST_NO_MONEY_FIRST, INVEST_NO_MONEY_STARTS, ls); at >= 0;
             at = Tokens.wordMatch(m, ls, m.end(), INVEST_NO_MONEY_FIRST, INVEST_NO_MONEY_STARTS, ls)) {
            String verb = m.group(1);
            String investor = subjectBefore(v, orgs, m.start(), List.of());
            List<String> targets = new ArrayList<>();
            int end = m.end();
            for (Mentions.Mention o : orgs) {
                if (o.start() < m.end()) {
                    continue;
                }
                String gap = ls.substring(end, o.start());
                if (targets.isEmpty()) {
                    String prep = lastPrep(gap);
                    if (gap.length() < 40 && ("in".equals(prep) || "into".equals(prep) || verb.startsWith("back") && prep == null
                            || verb.startsWith("funded") && prep == null || verb.startsWith("led") && "for".equals(prep))) {
                        targets.add(o.name());
                        end = o.end();
                        continue;
                    }
                    break;
                }
                if (LIST_JOIN_POSS.matcher(gap).matches() && !moneyRightAfter(v, o)) {
                    targets.add(o.name());
                    end = o.end();
                } else {
                    break;
                }
            }
            if (investor == null && verb.startsWith("back")) {
                continue;
            }
            boolean roundVerb = verb.startsWith("led") || verb.startsWith("co-led") || verb.startsWith("particip");
            boolean noObject = (verb.startsWith("invest") || verb.startsWith("join") || verb.contains("part"))
                    && NO_OBJECT_AFTER.matcher(ls).region(m.end(), ls.length()).lookingAt();
            if (targets.isEmpty() && recentRaiser != null && (roundVerb || noObject)) {
                targets.add(recentRaiser); // "Y raised $N. X led the round.", "A and B also invested."
            }
            for (String target : targets) {
                for (String inv : coordinated(v, orgs, investor)) {
                    if (!inv.equals(target)) {
                        out.add(invest(v, inv, target, null, false, null, published));
                    }
                }
            }
        }
    }

    /** "Alphabet and Nvidia backed ...": the subject with the names joined to it by "and" or commas. */
    private static List<String> coordinated(View v, List<Mentions.Mention> orgs, String subject) {
        List<String> out = new ArrayList<>();
        if (subject == null) {
            return out;
        }
        out.add(subject);
        int at = -1;
        for (int k = orgs.size() - 1; k >= 0; k--) {
            if (orgs.get(k).name().equals(subject)) {
                at = k;
                break;
            }
        }
        for (int k = at - 1; k >= 0; k--) {
            if (orgs.get(k).end() > orgs.get(k + 1).start()) {
                break; // two readings of the same words ("Kestrel" inside "Arlo Kestrel"): no list between them
            }
            String gap = v.ls().substring(orgs.get(k).end(), orgs.get(k + 1).start());
            if (LIST_JOIN_AMP.matcher(gap).matches()) {
                out.add(orgs.get(k).name());
            } else {
                break;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- tables of tranches

    private static boolean isTableRow(View v) {
        return !v.dates().isEmpty() && v.dates().get(0).start() == 0 && !v.money().isEmpty()
                && v.money().get(0).start() - v.dates().get(0).end() <= 2 && v.dates().get(0).value() != null;
    }

    /** "September 2023 $1.25 billion $1.25 billion Initial investment with option to reach $4 billion". */
    private void tableRow(View v, String[] pair, List<Draft> out, LocalDate published) {
        Money.Amount first = v.money().get(0);
        String date = v.dates().get(0).value();
        Long option = null;
        Money.Amount optionMoney = null;
        for (Money.Amount m : v.money()) {
            String left = v.ls().substring(Math.max(0, m.start() - 30), m.start());
            if (OPTION_TO_REACH.matcher(left).matches()) {
                option = m.usd();
                optionMoney = m;
            }
        }
        String status = v.ls().contains("announced") || v.ls().contains("today") ? "announced" : "completed";
        if (option == null && v.money().size() >= 2 && first.amount() < v.money().get(1).amount()) {
            option = v.money().get(1).usd(); // the running total this tranche completes
        }
        out.add(new Draft(FactType.INVESTS_IN, pair[0], pair[1], first.amount(), first.currency(), first.usd(), first.qualifier(),
                false, option != null && !option.equals(first.usd()) ? option : null, date, null, status, v.sentence().index()));
        if (optionMoney != null) {
            out.add(new Draft(FactType.INVESTS_IN, pair[0], pair[1], optionMoney.amount(), optionMoney.currency(), optionMoney.usd(),
                    "up_to", false, null, date, null, "announced", v.sentence().index()));
        }
    }

    // ---------------------------------------------------------------- chips and clouds

    private void chipFacts(View v, List<Draft> out, Set<String> seen) {
        for (Mentions.Mention c : v.mentions()) {
            if (!"Chip".equals(c.type())) {
                continue;
            }
            String maker = knowledge.ownerOf(c.name());
            if (maker != null && seen.add(c.name())) {
                out.add(new Draft(FactType.MAKES_CHIP, maker, c.name(), null, null, null, "unknown", false, null, null, null,
                        "completed", v.sentence().index()));
            }
            String user = chipUser(v, c, maker);
            if (user != null) {
                out.add(new Draft(FactType.USES_CHIP, user, c.name(), null, null, null, "unknown", false, null, null, null,
                        "completed", v.sentence().index()));
            }
        }
    }

    /** The nearest organisation before the chip, other than its maker, with a verb of use in between. */
    /** "Trainium2 chips will be used by Anthropic": the user after the chip, in the passive. */
    private static final Pattern PASSIVE_USE = Pattern.compile(
            "^(?:[\\w\\-]+\\s+){0,2}?(?:will be |are |were |is |was |being |have been |has been )?(?:used|deployed|bought|ordered|rented|purchased|adopted)\\s+by\\s+(?:the\\s+)?$");

    private String chipUser(View v, Mentions.Mention chip, String maker) {
        String ls = v.ls();
        if (ls.contains(" by ")) {
            for (Mentions.Mention o : v.mentions()) {
                if (o.start() > chip.end() && o.start() - chip.end() < 50 && "Company".equals(o.type()) && !o.name().equals(maker)
                        && (o.source() != Mentions.Source.UNKNOWN || o.strong())
                        && PASSIVE_USE.matcher(ls.substring(chip.end(), o.start()).trim() + " ").find()) {
                    return o.name();
                }
            }
        }
        String before = ls.substring(Math.max(0, chip.start() - 60), chip.start());
        if (USE_NEGATIVE_AT.in(before)) {
            return null;
        }
        List<Mentions.Mention> ms = v.mentions();
        for (int k = ms.size() - 1; k >= 0; k--) {
            Mentions.Mention o = ms.get(k);
            if ("Product".equals(o.type()) && o.start() < chip.start() && knowledge.ownerOf(o.name()) != null
                    && !knowledge.ownerOf(o.name()).equals(maker)) {
                // "Claude models run on Trainium": a product's chips are its maker's
                o = new Mentions.Mention(o.start(), o.end(), knowledge.ownerOf(o.name()), "Company", Mentions.Source.KNOWN, true, false);
            }
            boolean cloud = "Cloud".equals(o.type());
            if (o.start() >= chip.start() || !("Company".equals(o.type()) || cloud) || o.name().equals(maker)
                    || (o.source() == Mentions.Source.UNKNOWN && !o.strong())) {
                continue;
            }
            String gap = ls.substring(o.end(), chip.start());
            if (gap.contains(";") || gap.contains(" while ") || gap.contains(" but ") || gap.contains(" whereas ")) {
                return null;
            }
            if (cloud) {
                // "Azure will offer MI300X instances": the cloud's owner buys and runs the chips
                String owner = knowledge.ownerOf(o.name());
                if (owner != null && !owner.equals(maker) && (USE_CUE.matcher(gap).find() || CLOUD_OFFERS.matcher(gap).find())) {
                    return owner;
                }
                continue;
            }
            if (USE_CUE.matcher(gap).find() || gap.trim().startsWith("with") && gap.length() < 30
                    && SUPPLY_BEFORE.matcher(ls.substring(Math.max(0, o.start() - 25), o.start())).find()) {
                return o.name();
            }
        }
        return null;
    }

    private void cloudFacts(View v, List<Draft> out, Set<String> seen) {
        for (Mentions.Mention c : v.mentions()) {
            if ("Cloud".equals(c.type()) && c.source() == Mentions.Source.KNOWN && seen.add(c.name())) {
                String owner = knowledge.ownerOf(c.name());
                if (owner != null) {
                    out.add(new Draft(FactType.OPERATES, owner, c.name(), null, null, null, "unknown", false, null, null, null,
                            "completed", v.sentence().index()));
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static final String[] LIST_CUE_WORDS = {"by", "from", "includ", "such as", "with", "along", "investor", "backer", "count"};
    /** "a $40 billion round in OpenAI, with Microsoft participating": the round names its target. */
    private static final Pattern ROUND_IN = Pattern.compile("\\b(?:round|raise|financing|funding|investment)\\s+(?:in|for|into)\\s+(?:the\\s+)?$");
    private static final Starts ROUND_IN_AT = Starts.of(ROUND_IN, "round", "raise", "financing", "funding", "investment").atWordStarts();
    /** LIST_CUE is case-insensitive; it runs on the lower-cased sentence. */
    private static final Starts LIST_CUE_AT = Starts.onLowerCase(LIST_CUE, "led by", "co-led", "participa", "investor", "backer", "including",
            "joined by", "backed by", "funded by", "along", "with", "count", "round", "raise", "financing", "funding", "syndicate",
            "shareholders", "money", "capital", "cash", "investment").atWordStarts();

    // words without which the status and background patterns cannot match: cheap gates for them
    private static final String[] REPORTED_WORDS = {"accord", "report", "familiar", "source", "said to", "talks", "told",
        "citing", "rumo", "would be", "discussion"};
    private static final String[] PLANNED_WORDS = {"will", "plan", "would", "could", "set to", "expect", "intend", "option",
        "future", "consider", "eyeing", "aim", "poised", "talks"};
    private static final String[] BACKGROUND_WORDS = {"previous", "earlier", "original", "prior", "in the past", "since",
        "once", "before"};

    private static boolean containsAny(String s, String[] words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayBeListCue(String before) {
        if (before.isEmpty() || !Character.isWhitespace(before.charAt(before.length() - 1))) {
            return false;
        }
        for (String w : LIST_CUE_WORDS) {
            if (before.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private boolean brandOfChip(View v, Mentions.Mention o) {
        for (Mentions.Mention c : v.mentions()) {
            if ("Chip".equals(c.type()) && c.start() >= o.end() && c.start() - o.end() <= 4 && o.name().equals(knowledge.ownerOf(c.name()))) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern GAPPED = Pattern.compile("(?:,?\\s*and|,?\\s*while|,)\\s+(?:the\\s+)?$");

    /** The organisation right before the figure, itself right after "and": the subject of a gapped clause. */
    private static boolean gappedSubject(View v, List<Mentions.Mention> orgs, Money.Amount m, String investor) {
        for (Mentions.Mention o : orgs) {
            if (o.name().equals(investor) && o.end() <= m.start() && v.ls().substring(o.end(), m.start()).isBlank()) {
                return GAPPED.matcher(v.ls().substring(Math.max(0, o.start() - 12), o.start())).find();
            }
        }
        return false;
    }

    private static boolean moneyRightAfter(View v, Mentions.Mention o) {
        for (Money.Amount a : v.money()) {
            if (a.start() >= o.end() && v.ls().substring(o.end(), a.start()).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** "Sakana AI: $200 million from Nvidia", "- Harvey — $300 million": the figure belongs to the row's label. */
    private static boolean rowLabelBefore(View v, List<Mentions.Mention> orgs, Money.Amount m) {
        if (orgs.isEmpty() || orgs.get(0).end() > m.start()) {
            return false;
        }
        Mentions.Mention label = orgs.get(0);
        return ROW_LABEL.matcher(v.ls().substring(0, label.start())).matches()
                && ROW_SEPARATOR.matcher(v.ls().substring(label.end(), m.start())).matches();
    }

    private static final String INVEST_NO_MONEY_FIRST = "iatbgrholpfcj";
    private static final Starts INVEST_NO_MONEY_STARTS = Starts.of(INVEST_NO_MONEY, "invest", "among ", "tak", "took", "buy", "bought", "acquire", "get",
            "got", "receive", "has", "have", "hold", "own", "led ", "participated", "back", "is an investor", "are investors", "funded",
            "co-led", "join");

    private static boolean pronoun(Mentions.Mention m) {
        return m.source() == Mentions.Source.COREF && m.end() - m.start() <= 3;
    }

    /** The organisation mentions, computed once per sentence; the rules only read the list. */
    private static List<Mentions.Mention> orgs(View v) {
        return v.orgs();
    }

    private static List<Mentions.Mention> orgsOf(List<Mentions.Mention> mentions) {
        List<Mentions.Mention> out = new ArrayList<>();
        for (Mentions.Mention m : mentions) {
            if (m.isOrg()) {
                out.add(m);
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** The figure is directly followed by "on/to/with <cloud>": "$100 billion on AWS". */
    private static boolean cloudRightAfter(View v, Money.Amount m) {
        for (Mentions.Mention o : v.mentions()) {
            if (o.start() >= m.end() && "Cloud".equals(o.type())) {
                String gap = v.ls().substring(m.end(), o.start());
                return gap.length() <= 35 && CLOUD_PREP_BEFORE.matcher(gap).matches() && !gap.contains("invest");
            }
        }
        return false;
    }

    private static String nounPhraseAfter(String ls, int from) {
        int end = Math.min(ls.length(), from + 70);
        String t = ls.substring(from, end);
        int cut = t.length();
        for (String stop : new String[]{",", ";", ":", "(", "—", " while ", " and ", " but ", " as ", " after "}) {
            int i = t.indexOf(stop);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return t.substring(0, cut);
    }

    private static String lastPrep(String gap) {
        Matcher m = PREP_AT.matcher(gap);
        String last = null;
        for (int at = PREP_AT.find(m, gap, 0); at >= 0; at = PREP_AT.find(m, gap, m.end())) {
            last = m.group(1);
        }
        return last;
    }

    private static boolean containsMoney(View v, int from, int to) {
        for (Money.Amount m : v.money()) {
            if (m.start() >= from && m.start() < to) {
                return true;
            }
        }
        return false;
    }

    /** "Amazon's $4 billion", "Amazon's latest $4 billion". */
    private static Mentions.Mention possessorBefore(View v, List<Mentions.Mention> orgs, Money.Amount m) {
        for (int k = orgs.size() - 1; k >= 0; k--) {
            Mentions.Mention o = orgs.get(k);
            if (o.end() <= m.start()) {
                String gap = v.ls().substring(o.end(), m.start());
                if (o.possessive() && POSSESSIVE_GAP.matcher(gap).matches()) {
                    return o;
                }
                return null;
            }
        }
        return null;
    }

    /** The nearest organisation before {@code at} that is not an object of a preposition, nor excluded. */
    private static String subjectBefore(View v, List<Mentions.Mention> orgs, int at, List<String> exclude) {
        String ls = v.ls();
        for (int k = orgs.size() - 1; k >= 0; k--) {
            Mentions.Mention o = orgs.get(k);
            if (o.end() > at || exclude.contains(o.name()) || "Cloud".equals(o.type())) {
                continue;
            }
            if (RELATIVE_SUBJECT.matcher(ls).region(o.end(), at).matches()) {
                return o.name(); // "came from Accel, which put $12 million into": the relative clause's subject
            }
            if (isObjectPosition(ls, o) || insideApposition(ls, orgs, k, at)) {
                continue;
            }
            return o.name();
        }
        return null;
    }

    private static final Pattern RELATIVE_SUBJECT = Pattern.compile("\\s*,\\s*(?:which|who)\\b[^,;]*");

    /** "SSI, co-founded by former OpenAI scientist Ilya Sutskever, raised": OpenAI sits in SSI's apposition. */
    private static boolean insideApposition(String ls, List<Mentions.Mention> orgs, int k, int at) {
        if (k == 0) {
            return false;
        }
        Mentions.Mention o = orgs.get(k);
        Mentions.Mention head = orgs.get(0);
        if (head.end() > o.start() || o.end() > at) {
            return false;
        }
        String open = ls.substring(head.end(), o.start());
        String close = ls.substring(o.end(), at);
        int comma = close.indexOf(',');
        return open.startsWith(",") && open.indexOf(',', 1) < 0 && comma >= 0 && close.indexOf(',', comma + 1) < 0
                && !open.contains(" and ") && open.length() > 3 && !LIST_JOIN_AMP.matcher(open).matches();
    }

    private static boolean isObjectPosition(String ls, Mentions.Mention o) {
        String before = ls.substring(Math.max(0, o.start() - 12), o.start());
        return OBJECT_PREP_BEFORE.matcher(before).matches();
    }

    /** Which way money flows between two parties when the text does not say: investors back labs. */
    private String[] direction(String a, String b) {
        String ka = kind(a);
        String kb = kind(b);
        if ("investor".equals(ka) && !"investor".equals(kb)) {
            return new String[]{a, b};
        }
        if ("investor".equals(kb) && !"investor".equals(ka)) {
            return new String[]{b, a};
        }
        return null;
    }

    private String kind(String name) {
        Knowledge.Entity e = knowledge.entity(name);
        if (e != null) {
            return e.kind();
        }
        String inferred = knowledge.kindOf(name);
        return inferred == null ? "lab" : inferred;
    }

    static String nearestDate(View v, int start, int end) {
        Dates.DateMention best = null;
        int bestDist = Integer.MAX_VALUE;
        for (Dates.DateMention d : v.dates()) {
            if (notTheDealsDate(v, d)) {
                continue;
            }
            if (start < end && d.start() >= end && otherMoneyBetween(v, start, end, d)) {
                continue; // "$2.75 billion, following $1.25 billion in September": the date is the other figure's
            }
            int dist = d.start() >= end ? d.start() - end : d.end() <= start ? start - d.end() : 0;
            // a date after the figure ("$1.25 billion in September 2023") binds tighter than one before
            if (d.end() <= start) {
                dist += 15;
            }
            if (dist < bestDist) {
                bestDist = dist;
                best = d;
            }
        }
        return best == null ? null : best.value();
    }

    private static boolean otherMoneyBetween(View v, int start, int end, Dates.DateMention d) {
        int lo = Math.min(end, d.end());
        int hi = Math.max(start, d.start());
        for (Money.Amount m : v.money()) {
            if (m.start() != start && m.start() >= lo && m.end() <= hi && d.start() - m.end() <= 12) {
                return true; // the date sits right after the other figure: it is that figure's
            }
        }
        return false;
    }

    /**
     * When the company began ("founded in 2015"), or when a commitment's service starts or ends ("over five years
     * starting in 2027", "through 2030", "by 2030"): not when the deal was made.
     */
    private static boolean notTheDealsDate(View v, Dates.DateMention d) {
        String before = v.ls().substring(Math.max(0, d.start() - 25), d.start());
        return FOUNDED_BEFORE_GATE.matches(before) || SPAN_EDGE_BEFORE_GATE.matches(before) || SPAN_EDGE_AT.matcher(v.ls().substring(d.start(), d.end())).lookingAt();
    }

    static String defaultDate(View v, String date, boolean cumulative, LocalDate published) {
        if (date != null || published == null || cumulative) {
            return date;
        }
        if (v.dates().stream().anyMatch(d -> !notTheDealsDate(v, d)) || background(v)) {
            return null;
        }
        return published.toString();
    }

    /** The sentence tells of an earlier deal ("previously", "before", "the original round"). */
    static boolean background(View v) {
        return containsAny(v.ls(), BACKGROUND_WORDS) && BACKGROUND_AT.in(v.ls());
    }

    static String status(View v, boolean spend) {
        String ls = v.ls();
        if (containsAny(ls, REPORTED_WORDS) && REPORTED_AT.in(ls)) {
            return "reported";
        }
        if (containsAny(ls, PLANNED_WORDS) && PLANNED_AT.in(ls)) {
            return "planned";
        }
        if (!spend && !ls.contains("announc") && COMPLETED_AT.in(ls)) {
            return "completed";
        }
        return "announced";
    }

    static Integer years(String ls) {
        if (!ls.contains("year") && !ls.contains("decade")) {
            return null;
        }
        Matcher m = YEARS_AT.matcher(ls);
        for (int at = YEARS_AT.find(m, ls, 0); at >= 0; at = YEARS_AT.find(m, ls, m.end())) {
            if (m.group("dl") != null) {
                return 10;
            }
            String n = m.group("n") != null ? m.group("n") : m.group("n2");
            String u = m.group("u") != null ? m.group("u") : m.group("u2");
            if (n == null && u != null && u.startsWith("decade") && NEXT_DECADE.matcher(m.group()).matches()) {
                return 10;
            }
            if (n == null) {
                continue;
            }
            int num = Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : switch (n) {
                case "two" -> 2; case "three" -> 3; case "four" -> 4; case "five" -> 5; case "six" -> 6; case "seven" -> 7;
                case "eight" -> 8; case "nine" -> 9; case "ten" -> 10; case "fifteen" -> 15; default -> 20;
            };
            return u.startsWith("decade") ? num * 10 : num;
        }
        return null;
    }
}
