package io.dealgraph.extract;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTest {

    private static final Knowledge K = Knowledge.load();
    private static final Lexicon L = Lexicon.load();

    private static List<String> orgs(String... sentences) {
        Mentions m = new Mentions(K, L);
        List<List<Mentions.Mention>> per = new ArrayList<>();
        for (String s : sentences) {
            per.add(m.find(s));
        }
        Mentions.promote(per, L);
        List<String> out = new ArrayList<>();
        per.forEach(ms -> ms.stream().filter(Mentions.Mention::isOrg).forEach(x -> out.add(x.name())));
        return out;
    }

    /** The mention made of the model's organisation span {@code [start, end)} of {@code s}, with the lexicon's lists. */
    private static Mentions.Mention modelOrg(String s, int start, int end) {
        Mentions.Mention m = Mentions.fromModel(s, start, end, "ORG", new ArrayList<>(), L.stopwords(), L.headlineVerbs(), L.descriptorNouns());
        assertThat(m).as("a mention from the model's span").isNotNull();
        return m;
    }

    /** Each sentence's mentions as the rules find them, before any document-level pass. */
    private static List<List<Mentions.Mention>> found(List<String> texts) {
        Mentions m = new Mentions(K, L);
        List<List<Mentions.Mention>> per = new ArrayList<>();
        texts.forEach(t -> per.add(new ArrayList<>(m.find(t))));
        return per;
    }

    @Test
    void aLegalFormAfterAKnownNameIsPartOfItNotACompanyOfItsOwn() {
        assertThat(orgs("The latest investment is with Mistral AI SAS, a provider of open models."))
                .containsExactly("Mistral AI");
        assertThat(orgs("Microsoft backs OpenAI LLC and Anthropic PBC.")).containsExactly("Microsoft", "OpenAI", "Anthropic");
        // a legal form that is no neighbour of the name still names what it names
        assertThat(orgs("Anthropic and SAS signed a deal.")).contains("SAS");
    }

    @Test
    void aModelNameEndsBeforeAHeadlinesVerbAndItsFigure() {
        String headline = "Blackbird Raises A$500 Million Fund for Australian Startups";
        // the model's span as it came: "Blackbird Raises A$"
        assertThat(modelOrg(headline, 0, headline.indexOf("500")).name()).isEqualTo("Blackbird");
        // with no figure after the verb, the cut is not made here
        assertThat(Mentions.beforeHeadlineVerb("Trump Backs Nexstar Merger", 0, 19, L.headlineVerbs())).isEqualTo(19);
    }

    @Test
    void aJobTitleEndsACompanysNameAndOpensNoneUnlessTheNameEndsLikeAFirms() {
        assertThat(orgs("WiredScore UK MD William Newton was speaking after the round.")).containsExactly("WiredScore");
        assertThat(orgs("Chief Scientist Ilya Sutskever left OpenAI.")).containsExactly("OpenAI");
        assertThat(orgs("The round was led by VP Venture Partners.")).containsExactly("VP Venture Partners");
    }

    @Test
    void aCapitalisedNumberWordTheModelLeftOutOpensItsName() {
        String s = "Seven Seas Water, a company that desalinates water, has raised $20 million.";
        Mentions.Mention m = modelOrg(s, s.indexOf("Seas"), s.indexOf(","));
        assertThat(m.name()).isEqualTo("Seven Seas Water");
        assertThat(m.start()).isZero();
    }

    @Test
    void aNameMayJoinTwoWordsOfWhatACompanyDoesWithAnd() {
        assertThat(orgs("Quillboond Engineering and Development, a provider of energy products, closed a round."))
                .containsExactly("Quillboond Engineering and Development");
        assertThat(orgs("Arlo Capital and Research Ventures joined the round.")).containsExactly("Arlo Capital", "Research Ventures");
    }

    @Test
    void anAdverbialOpenerBeforeOfStartsNoName() {
        assertThat(orgs("Outside of AI, Microsoft has also invested in energy and climate tech.")).containsExactly("Microsoft");
        assertThat(orgs("Outside Ventures invested in Kroo.")).contains("Outside Ventures");
    }

    @Test
    void knownNamesAreCanonical() {
        assertThat(orgs("AWS and Azure compete with GCP; NVIDIA and Amazon Web Services agree.")).containsExactly(
                "Amazon Web Services", "Microsoft Azure", "Google Cloud", "Nvidia", "Amazon Web Services");
    }

    @Test
    void unknownOrganisationsFromSuffixesAppositionsAndRoles() {
        assertThat(orgs("Sakana AI raised money.")).containsExactly("Sakana AI");
        assertThat(orgs("Quillon, a Paris-based startup, said so.")).containsExactly("Quillon");
        assertThat(orgs("The round was led by Northzone.")).containsExactly("Northzone");
        assertThat(orgs("Lumora Robotics raised money.", "Lumora said it would hire.")).containsExactly("Lumora Robotics", "Lumora Robotics");
    }

    @Test
    void aFundIsNamedWithItsParentWhenItsOwnWordsAreGeneric() {
        List<String> texts = List.of("Amazon’s Climate Pledge Fund and Toyota’s Woven Capital joined.");
        List<List<Mentions.Mention>> per = new java.util.ArrayList<>();
        per.add(new java.util.ArrayList<>(List.of(
                new Mentions.Mention(0, 6, "Amazon", "Company", Mentions.Source.KNOWN, true, true),
                new Mentions.Mention(9, 28, "Climate Pledge Fund", "Company", Mentions.Source.UNKNOWN, true, false),
                new Mentions.Mention(33, 55, "Toyota’s Woven Capital", "Company", Mentions.Source.MODEL, true, false))));
        Mentions.parentFunds(texts, per, Lexicon.load().genericFundWords());
        assertThat(per.get(0)).extracting(Mentions.Mention::name).containsExactly("Amazon", "Amazon Climate Pledge Fund", "Woven Capital");
    }

    @Test
    void aNameWithItsOwnersPossessiveIsTheNamedOne() {
        String s = "Led by Halden’s Rainwater, with Arlo Luxury’s Dana Levi and Kestrel’s Life Insurance unit.";
        List<List<Mentions.Mention>> per = new ArrayList<>();
        per.add(new ArrayList<>(List.of(
                new Mentions.Mention(7, 25, "Halden’s Rainwater", "Person", Mentions.Source.MODEL, true, false),
                new Mentions.Mention(32, 55, "Arlo Luxury’s Dana Levi", "Person", Mentions.Source.MODEL, true, false),
                new Mentions.Mention(60, 84, "Kestrel’s Life Insurance", "Company", Mentions.Source.MODEL, true, false))));
        Mentions.parentFunds(List.of(s), per, L.genericFundWords());
        assertThat(per.get(0)).extracting(Mentions.Mention::name).containsExactly("Rainwater", "Dana Levi", "Kestrel Life Insurance");
    }

    @Test
    void aBrandsRaisedDotIsPartOfItsNameAndAHeadlinesDescriptionIsNone() {
        assertThat(orgs("Copper brand P•TAL has secured $3 million.")).containsExactly("P•TAL");
        assertThat(Mentions.fromModel("Handcrafted Metalware Brand P•TAL Raises $3 Million", 0, 27, "ORG", new ArrayList<>(), Set.of(), Set.of(), Set.of())).isNull();
    }

    @Test
    void anInvestmentFirmsNameEndsBeforeItsCity() {
        assertThat(orgs("Existing shareholders Arlo Capital of Cambridge, Massachusetts, also re-upped.")).containsExactly("Arlo Capital");
        assertThat(Mentions.withoutSeat("Wellington Partners of Munich")).isEqualTo("Wellington Partners");
        // funds and banks keep theirs: it is part of the name
        assertThat(Mentions.withoutSeat("Investment Fund of Denmark")).isEqualTo("Investment Fund of Denmark");
        assertThat(Mentions.withoutSeat("Bank of America")).isEqualTo("Bank of America");
    }

    @Test
    void aOneLetterHeadStartsALongerNameAndACurrencyFigureIsNone() {
        assertThat(orgs("The round was led by B Capital Group.")).containsExactly("B Capital Group");
        assertThat(orgs("Cancer drug developer J-Pharma raised money.")).containsExactly("J-Pharma");
        assertThat(orgs("A91 Partners put in INR 389 crore.")).containsExactly("A91 Partners");
        assertThat(orgs("A new fund joined.")).isEmpty();
    }

    @Test
    void anInvestorsVehicleOrRegionalFundIsANameOfItsOwn() {
        assertThat(orgs("The round was led by Sequoia Heritage and Sequoia Capital India.")).containsExactly("Sequoia Heritage", "Sequoia Capital India");
        // the global firm when nothing of its own follows it
        assertThat(orgs("Sequoia said it would join.")).containsExactly("Sequoia Capital");
        assertThat(orgs("Backers include Sequoia, Accel and Index Ventures.")).startsWith("Sequoia Capital");
    }

    @Test
    void aPressReleaseDatelineIsNoName() {
        assertThat(orgs("Redmond, Washington, November 3, 2025- Quillon Systems has struck a deal.")).containsExactly("Quillon Systems");
        assertThat(orgs("Kemptthal, Switzerland,September 1, 2022 - Swiss start-up Verdalia Foods raised money."))
                .containsExactly("Verdalia Foods");
        // no day after it: a name and its description, not a dateline
        assertThat(orgs("Lumora Robotics, Oslo - the start-up raised money.")).contains("Lumora Robotics");
        // a list of places with a year is no dateline without its dash
        assertThat(Mentions.datedDatelineEnd("Quillon Systems, Oslo, May 3, 2024 and later")).isEqualTo(-1);
    }

    @Test
    void aPluralPossessiveInsideANameKeepsItWhole() {
        assertThat(orgs("The round was led by Ontario Teachers' Pension Plan.")).containsExactly("Ontario Teachers' Pension Plan");
        assertThat(orgs("Teachers’ Venture Growth joined.")).containsExactly("Teachers’ Venture Growth");
        assertThat(orgs("Nvidia's investment arm joined.")).containsExactly("Nvidia");
    }

    @Test
    void anotherLanguagesSentenceOpenerStartsNoName() {
        assertThat(orgs("Neben Lakestar Capital sind auch HV Capital und Airbus Ventures beteiligt.")).containsExactly("Lakestar Capital", "HV Capital", "Airbus Ventures");
        assertThat(orgs("Según Reuters, Ualá recaudó dinero.")).doesNotContain("Según Reuters");
    }

    @Test
    void unknownNamesFromClausesCompoundsRowsAndDigits() {
        assertThat(orgs("Quillstack, which makes coding agents for banks, has closed a round.")).containsExactly("Quillstack");
        assertThat(orgs("Accel put money into Oslo-based Fjordline.")).containsExactly("Accel", "Fjordline");
        assertThat(orgs("1789 Capital and DST Global joined.")).containsExactly("1789 Capital", "DST Global");
        // a known chip's name at the start of a fund's name is part of it
        assertThat(orgs("Cobalt Peak Ventures led the round.")).containsExactly("Cobalt Peak Ventures");
        assertThat(orgs("- Harvey — $300 Million Series D Led By Sequoia Capital")).containsExactly("Harvey", "Sequoia Capital");
        assertThat(orgs("Most of Midjourney's models, Midjourney said.")).doesNotContain("of Midjourney");
        assertThat(orgs("The European Commission fined Apple.")).containsExactly("Apple");
        assertThat(orgs("Top AI researchers left, said former Stripe executive Claire Hughes.")).isEmpty();
    }

    @Test
    void aNameAfterANounOfWhatACompanyIsIsSureOfItself() {
        // sure enough for "the startup" in a later sentence to stand for it
        for (String s : List.of("Gurugram-based dairy brand Quillmilk Foods has raised money.",
                "Egyptian logistics platform Quillhaul Freight raised a round.")) {
            assertThat(new Mentions(K, L).find(s)).filteredOn(m -> m.name().startsWith("Quill"))
                    .singleElement().matches(Mentions.Mention::strong, "strong");
        }
    }

    @Test
    void aWebDomainIsPartOfTheNameAndADescribedSubjectOfADealVerbIsSure() {
        List<Mentions.Mention> ms = new Mentions(K, L).find("Chip startup Quillchip.ai secured $120 million.");
        assertThat(ms).extracting(Mentions.Mention::name).containsExactly("Quillchip.ai");
        assertThat(ms.get(0).strong()).isTrue();
        assertThat(orgs("Quillchip.ai raised money. It grew.")).containsExactly("Quillchip.ai");
        assertThat(new Mentions(K, L).find("Quillbit raised a seed round from investors including Quillvest.vc, MIG Funds and Tesi."))
                .extracting(Mentions.Mention::name).contains("Quillvest.vc");
    }

    @Test
    void aPlaceAfterOfEndsAName() {
        assertThat(orgs("Investors include Innovation Network Corporation of Japan and Quillbank of America."))
                .containsExactly("Innovation Network Corporation of Japan", "Quillbank of America");
    }

    @Test
    void aDigitLedAcronymIsANameAndAFigureWithAUnitIsNot() {
        assertThat(orgs("The round was led by 8VC and Lux Capital.")).containsExactly("8VC", "Lux Capital");
        assertThat(orgs("Quillgrid will build a 500MW plant with Arlo Capital.")).containsExactly("Arlo Capital");
        // digits glued to a capitalised word: a name, not a figure
        assertThat(orgs("The round was led by 83Quill and Lux Capital.")).containsExactly("83Quill", "Lux Capital");
        assertThat(orgs("Quillgrid counts 10Million users and Arlo Capital as a backer.")).containsExactly("Arlo Capital");
    }

    @Test
    void legalFormsFiscalYearsAndCompassNationalitiesAreNoNames() {
        assertThat(orgs("It was led by Arlo Innovation Platform Co., Ltd., and Kestrel Ventures.")).doesNotContain("Ltd.");
        assertThat(orgs("Quillbyte plans to invest up to USD 3 million in FY25.")).doesNotContain("FY25");
        assertThat(orgs("Foreign investment in Japanese startups rose 70% in H1 ’24.")).as("a half-year, its year after a quote").doesNotContain("H1");
        assertThat(orgs("Quillbyte raised more in Q3 than in all of 2023.")).doesNotContain("Q3");
        assertThat(orgs("It was led by South Korean venture capital firm Hashed.")).doesNotContain("South Korean", "South");
        // initials that say what kind of investor follows
        assertThat(orgs("It was backed by UHNW and HNW family offices and the leading UK EIS fund Arlo Capital.")).containsExactly("Arlo Capital");
        // a stock ticker some sites print after a company's name
        assertThat(orgs("Investors include Nvidia Corp. NVDA and Intel Corp.'s INTC venture arm.")).doesNotContain("NVDA", "INTC");
    }

    @Test
    void unitsAfterFiguresTickerBracketsAndInitialsDescribingACompanyAreNoNames() {
        assertThat(orgs("The pipeline, now backed by Arlo Capital, targets 5 GW of capacity by 2030.")).containsExactly("Arlo Capital");
        assertThat(orgs("Quillmine Group (ASX, LON, JSE:QMR) will buy a stake in Kestrel Mining (TSX:KM).")).containsExactly(
                "Quillmine Group", "Kestrel Mining");
        assertThat(orgs("Halden Motors is an investor in EV maker Quillvolt.")).containsExactly("Halden Motors", "Quillvolt");
    }

    @Test
    void aCapitalisedWordThatUsuallyStartsASentenceOpensANameInsideOne() {
        assertThat(orgs("Lisbon-based Next Gen bagged US$10 million from Arlo Capital.")).containsExactly("Next Gen", "Arlo Capital");
        // the word stays out where the next word is no name of its own
        assertThat(orgs("Quillbyte sells to Big Tech.")).doesNotContain("Big", "Big Tech");
    }

    @Test
    void aCapitalisedStopwordInsideASentenceHeadsAFirmsName() {
        assertThat(orgs("It was joined by At One Ventures and I Squared Capital.")).containsExactly("At One Ventures", "I Squared Capital");
        assertThat(orgs("Dubai-based financial services firm Gulf Islamic Investments and Silicon Valley Bank joined."))
                .containsExactly("Gulf Islamic Investments", "Silicon Valley Bank");
        // only words of the stopword list: no name
        assertThat(orgs("Arlo Capital led the largest round for a Chinese AI startup.")).containsExactly("Arlo Capital");
    }

    @Test
    void aCountryWrittenAsANounBeforeANamesOwnWordHeadsTheName() {
        assertThat(orgs("Taiwan Mobile invests $124M in software firm Systex.")).containsExactly("Taiwan Mobile", "Systex");
        assertThat(orgs("Rival Taiwan Mobile invests $124M in Systex.")).contains("Taiwan Mobile").doesNotContain("Mobile");
        // a descriptor after the country, or its adjective, leaves it out
        assertThat(orgs("Arlo Telecom led a round for Taiwan AI and analytics startup iKala.")).doesNotContain("Taiwan AI");
        assertThat(orgs("Taiwanese firm Systex gained.")).containsExactly("Systex");
        assertThat(orgs("It has invested in U.S. AI firm Quillbyte.")).containsExactly("Quillbyte");
        assertThat(orgs("Three AI chip startups raised $1.1 billion in one week.")).doesNotContain("Three AI", "Three");
    }

    @Test
    void aDashTheModelRanIntoIsNoPartOfTheName() {
        String s = "It drew Shangcheng Capital—both state-owned—and others.";
        Mentions.Mention m = Mentions.fromModel(s, 8, s.indexOf("both"), "ORG", new ArrayList<>(), Set.of(), Set.of(), Set.of());
        assertThat(m).isNotNull();
        assertThat(m.name()).isEqualTo("Shangcheng Capital");
    }

    @Test
    void aDigitJoinedToAWordHeadsANameAndAnIndianLegalFormEndsIt() {
        assertThat(orgs("Arlo Capital doubled down on its investment in 1-India Family Mart.")).containsExactly("Arlo Capital", "1-India Family Mart");
        assertThat(orgs("Halden India has bought a stake in FPEL Surya Pvt Ltd for Rs 7.7 crore.")).contains("FPEL Surya");
    }

    @Test
    void aCompanyNamedWithItsCountryOnceKeepsItWhereTheSameWordsFollow() {
        List<String> texts = List.of("Leading gas company Halden India Ltd. has invested Rs 4.8 crore in Quillsun Solar.",
                "Earlier this month, Halden India had bought a stake in Arlo Surya Pvt. Ltd for Rs 7.7 crore.");
        List<List<Mentions.Mention>> per = found(texts);
        new Mentions(K, L).withTheirCountry(texts, per); // before the document's pass drops the unsure one-word name
        assertThat(per.get(1)).extracting(Mentions.Mention::name).contains("Halden India").doesNotContain("Halden");
    }

    @Test
    void aCompanyTheNewsCallsByItsBrandIsThatBrand() {
        List<String> texts = List.of("Halden Eye Services Pvt. Ltd, an eye-care chain, operates under the brand Quillsight.",
                "The round was led by Halden Eye Services and Arlo Capital.");
        List<List<Mentions.Mention>> per = found(texts);
        Mentions.brandNames(texts, per);
        assertThat(per.get(1)).extracting(Mentions.Mention::name).containsExactly("Quillsight", "Arlo Capital");
    }

    @Test
    void aFoundersPossessiveInsideACompanysLegalNameKeepsItWhole() {
        assertThat(orgs("Eye hospital chain Dr. Halden’s Vision Care Ltd has secured Rs 650 crore from Arlo Capital."))
                .containsExactly("Dr. Halden’s Vision Care", "Arlo Capital");
        List<String> texts = List.of("Eye hospital chain Dr. Halden’s Vision Care Ltd has secured money.");
        List<List<Mentions.Mention>> per = new ArrayList<>();
        per.add(new ArrayList<>(List.of(new Mentions.Mention(19, 43, "Dr. Halden’s Vision Care", "Company", Mentions.Source.UNKNOWN, true, false))));
        Mentions.parentFunds(texts, per, Lexicon.load().genericFundWords());
        assertThat(per.get(0)).extracting(Mentions.Mention::name).containsExactly("Dr. Halden’s Vision Care");
    }

    @Test
    void aWeakNameListedAfterAnotherListedNameIsOneToo() {
        assertThat(orgs("It drew Tencent, Rise PropTech Fund, Extantia and Freigeist.")).containsExactly(
                "Tencent", "Rise PropTech Fund", "Extantia", "Freigeist");
    }

    @Test
    void anotherLanguagesRaiseVerbOrCueMakesANameAndAnArticleEndsNone() {
        assertThat(orgs("Quillmed reçoit un financement de 7 M€ de la part de Arlo Impact Fund La biotech parisienne grandit."))
                .containsExactly("Quillmed", "Arlo Impact Fund");
        assertThat(orgs("Quillsight réalise une série B avec la participation de Kestrel, Bpifrance et Halden Transfert La société grandit."))
                .containsExactly("Quillsight", "Kestrel", "Bpifrance", "Halden Transfert");
        // a two-word name may end in a word that is an article elsewhere (a surname)
        assertThat(orgs("The round included Shibam Das and Arlo Capital.")).contains("Shibam Das");
    }

    @Test
    void theModelsNameLosesTheWordsThatDescribeItButKeepsAPlaceThatIsPartOfIt() {
        Set<String> stop = L.stopwords();
        assertThat(Mentions.withoutDescriptors("Parisian VC Quillvest", stop, L.descriptorNouns(), false)).isEqualTo("Quillvest");
        assertThat(Mentions.withoutDescriptors("Neben Arlo SE", stop, L.descriptorNouns(), true)).isEqualTo("Arlo SE");
        assertThat(Mentions.withoutDescriptors("British Patient Capital", stop, L.descriptorNouns(), false)).isEqualTo("British Patient Capital");
        assertThat(Mentions.withoutDescriptors("Indian Bank", stop, L.descriptorNouns(), true)).isEqualTo("Indian Bank");
        assertThat(Mentions.withoutDescriptors("VC Grid", stop, L.descriptorNouns(), false)).isEqualTo("VC Grid");
        assertThat(Mentions.withoutDescriptors("US DOE", stop, L.descriptorNouns(), true)).isEqualTo("US DOE");
        // a headline's description that ends in a noun of what a company is comes off whole
        assertThat(Mentions.withoutDescriptors("Chinese GPU Startup Moore Threads", stop, L.descriptorNouns(), false)).isEqualTo("Moore Threads");
        assertThat(Mentions.withoutDescriptors("New York Life", stop, L.descriptorNouns(), false)).isEqualTo("New York Life");
        assertThat(Mentions.withoutDescriptors("Indian Fintech Quillpay", stop, L.descriptorNouns(), false)).isEqualTo("Quillpay");
        assertThat(Mentions.withoutDescriptors("Tech Quillindra", stop, L.descriptorNouns(), false)).isEqualTo("Tech Quillindra");
    }

    @Test
    void aLowerCaseLetterOfABrandStaysInsideAFirmsNameAndAFirmWordAloneIsNone() {
        assertThat(orgs("Existing investors Mayfield, DNS Capital, Halden i Ventures and SW Mobility Fund joined."))
                .containsExactly("Mayfield", "DNS Capital", "Halden i Ventures", "SW Mobility Fund");
        assertThat(Mentions.notAName("It drew Ventures.", "Ventures", 8, 16)).isTrue();
    }

    @Test
    void aHyphenatedWordOpensANameAndANationalityBeforeVCIsNone() {
        assertThat(orgs("It lost $21.6 billion in the April-June quarter.")).isEmpty();
        assertThat(orgs("Arlo Capital has led a $1.5 million round in the Bangalore-based studio All-Star Games."))
                .containsExactly("Arlo Capital", "All-Star Games");
        String s = "The Indian VC fund Lumikai has led a round.";
        assertThat(Mentions.notAName(s, "Indian VC", 4, 13)).as("the model's name for a description").isTrue();
        assertThat(Mentions.notAName(s, "Lumikai", 22, 29)).isFalse();
    }

    @Test
    void twoNamesRunTogetherAreSplitWhileNamesWithAnAmpersandStayWhole() {
        String s = "Led by Grenfell Holdings & Lofty Capital, with Ingressive CapitalVoltron Capital and Procter & Gamble.";
        List<Mentions.Mention> ms = new ArrayList<>(List.of(
                new Mentions.Mention(7, 40, "Grenfell Holdings & Lofty Capital", "Company", Mentions.Source.UNKNOWN, true, false),
                new Mentions.Mention(47, 80, "Ingressive CapitalVoltron Capital", "Company", Mentions.Source.MODEL, true, false),
                new Mentions.Mention(85, 101, "Procter & Gamble", "Company", Mentions.Source.UNKNOWN, true, false)));
        Mentions.splitJoined(s, ms);
        assertThat(ms).extracting(Mentions.Mention::name).containsExactly(
                "Grenfell Holdings", "Lofty Capital", "Ingressive Capital", "Voltron Capital", "Procter & Gamble");
        assertThat(ms).allMatch(m -> s.substring(m.start(), m.end()).equals(m.name()));
    }

    @Test
    void aTitleBeforeACompanysNameIsPartOfIt() {
        String s1 = "Clinic chain Dr. Quillpaws has raised money, said Dr. Dana Levi.";
        String s2 = "Quillpaws will open new clinics.";
        List<List<Mentions.Mention>> per = new ArrayList<>(List.of(
                new ArrayList<>(List.of(new Mentions.Mention(13, 15, "Dr", "Company", Mentions.Source.UNKNOWN, false, false),
                        new Mentions.Mention(17, 26, "Quillpaws", "Company", Mentions.Source.MODEL, true, false),
                        new Mentions.Mention(54, 63, "Dana Levi", "Person", Mentions.Source.MODEL, true, false))),
                new ArrayList<>(List.of(new Mentions.Mention(0, 9, "Quillpaws", "Company", Mentions.Source.MODEL, true, false)))));
        Mentions.titledCompanies(List.of(s1, s2), per);
        assertThat(per.get(0)).extracting(Mentions.Mention::name).containsExactly("Dr. Quillpaws", "Dana Levi");
        assertThat(per.get(0).get(0).start()).isEqualTo(13);
        assertThat(per.get(1)).extracting(Mentions.Mention::name).containsExactly("Dr. Quillpaws");
    }

    @Test
    void aFiguresDigitsEndAName() {
        assertThat(orgs("Use of funds: Deploy 20,000+ GPUs across India.")).noneMatch(n -> n.contains("20"));
        assertThat(orgs("Kestrel Quill 2.5 shipped this week.")).noneMatch(n -> n.contains("2"));
        assertThat(orgs("The round was led by Norrsken 22 and Arlo Capital.")).contains("Norrsken 22", "Arlo Capital");
    }

    @Test
    void aShortNameNamedAloneBeforeTheLongOneIsItsOwn() {
        // a company, then an investor in its round whose name begins with it
        assertThat(orgs("David Greenstein, chief executive of Quillsound, wants to change this.",
                "On Wednesday, Quillsound announced that it raised $20 million in a round led by Arlo Capital.",
                "Other participants included Palm Tree Crew and Quillsound Ventures."))
                .containsExactly("Quillsound", "Arlo Capital", "Palm Tree Crew", "Quillsound Ventures");
        // a headline's short form, once, is the name the story gives in full
        assertThat(orgs("Quillsakana raises money.", "Quillsakana AI raised $30 million from Arlo Capital."))
                .containsExactly("Quillsakana AI", "Quillsakana AI", "Arlo Capital");
    }

    @Test
    void lowerCaseBrandsFromAnOpeningApposition() {
        Mentions m = new Mentions(K, L);
        List<String> texts = List.of("poolside, the Paris-based AI coding startup, is raising money.", "Nvidia will invest in poolside.");
        List<List<Mentions.Mention>> per = new ArrayList<>();
        texts.forEach(t -> per.add(m.find(t)));
        Mentions.promote(per, L);
        Mentions.lowercaseBrands(texts, per);
        List<String> out = new ArrayList<>();
        per.forEach(ms -> ms.stream().filter(Mentions.Mention::isOrg).forEach(x -> out.add(x.name())));
        assertThat(out).containsExactly("poolside", "Nvidia", "poolside");
        assertThat(orgs("however, the company said it would grow.")).isEmpty();
    }

    @Test
    void notOrganisations() {
        assertThat(orgs("Dario Amodei said the deal was good.")).isEmpty();
        assertThat(orgs("However, September was slow.")).isEmpty();
        assertThat(orgs("Claude and Gemini are products.")).isEmpty();
        assertThat(orgs("Why Is Everyone Spending Money On Robots")).isEmpty();
    }

    @Test
    void aKnownNameInsideALongerOneIsTheLongerOne() {
        assertThat(orgs("It was led by BlackRock Private Equity Partners.")).containsExactly("BlackRock Private Equity Partners");
    }

    @Test
    void chipsAreChips() {
        Mentions m = new Mentions(K, L);
        assertThat(m.find("It trains on Trainium2 and H100 chips.").stream().filter(x -> "Chip".equals(x.type())).map(Mentions.Mention::name))
                .containsExactly("Trainium", "H100");
    }
}
