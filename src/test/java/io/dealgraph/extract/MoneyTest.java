package io.dealgraph.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    private static Money.Amount one(String s) {
        List<Money.Amount> all = Money.find(s);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void germanSpanishFrenchAndPortugueseFigures() {
        Money.Amount klarna = one("Klarna ha conseguido 650 millones de dólares para crecer.");
        assertThat(klarna.amount()).isEqualTo(650_000_000L);
        assertThat(klarna.currency()).isEqualTo("USD");
        Money.Amount euros = one("unos 548,69 millones de euros");
        assertThat(euros.amount()).isEqualTo(548_690_000L);
        assertThat(euros.currency()).isEqualTo("EUR");
        assertThat(one("eine Runde von 75 Millionen US-Dollar").currency()).isEqualTo("USD");
        assertThat(one("über 1,5 Milliarden Euro").amount()).isEqualTo(1_500_000_000L);
        assertThat(one("a levé 40 millions d'euros").currency()).isEqualTo("EUR");
        assertThat(one("captó 1.200 millones de pesos mexicanos").amount()).isEqualTo(1_200_000_000L);
        assertThat(one("captou R$ 10 milhões").currency()).isEqualTo("BRL");
        // South African news glues a bare "R" to the rand figure; "R2" alone is a model's name
        Money.Amount rand = one("Float has secured R46m ($2.6m) in funding");
        assertThat(rand.amount()).isEqualTo(46_000_000L);
        assertThat(rand.currency()).isEqualTo("ZAR");
        assertThat(rand.usd()).isEqualTo(2_600_000L);
        assertThat(one("average orders of R10,000").currency()).isEqualTo("ZAR");
        assertThat(Money.find("Rivian showed the R2 and the R3 at 5 sites")).isEmpty();
        // what a company holds is no figure of a deal
        assertThat(Money.find("Halden Mining is investing some of its $1.5 billion of cash in a stake in Quillrock.")).isEmpty();
        assertThat(Money.find("Halden Mining will use its $2 billion war chest.")).isEmpty();
        assertThat(Money.find("Halden Mining is investing $150 million of cash in Quillrock.")).hasSize(1);
        // Australian news writes US dollars "$US" and gives its own dollars in brackets
        List<Money.Amount> aud = Money.find("Quillchat agreed to spend more than $US10 billion ($15 billion) on cloud services.");
        assertThat(aud).hasSize(1);
        assertThat(aud.get(0).usd()).isEqualTo(10_000_000_000L);
        // Italian: "30 milioni di dollari", "1,5 miliardi di euro"
        assertThat(one("ha raccolto 30 milioni di dollari da Halden").usd()).isEqualTo(30_000_000L);
        assertThat(one("un round da 1,5 miliardi di euro").amount()).isEqualTo(1_500_000_000L);
        // French shorthand glues the sign to the scale letter
        assertThat(one("Quillmed reçoit 7 M€ de la part de Arlo").amount()).isEqualTo(7_000_000L);
        assertThat(one("une série A de 18,5 M€ menée par Arlo").amount()).isEqualTo(18_500_000L);
        assertThat(one("un tour de table de 30 M$ en série B").currency()).isEqualTo("USD");
        assertThat(one("un plan de 1,2 Md€").amount()).isEqualTo(1_200_000_000L);
        // an English figure keeps its thousands comma
        assertThat(one("It raised $1,500 million.").amount()).isEqualTo(1_500_000_000L);
    }

    @Test
    void scalesAndAbbreviations() {
        assertThat(one("a $5 billion deal").amount()).isEqualTo(5_000_000_000L);
        assertThat(one("took $1.25B from").amount()).isEqualTo(1_250_000_000L);
        assertThat(one("raised $2.75bn in").amount()).isEqualTo(2_750_000_000L);
        assertThat(one("raised $40m last").amount()).isEqualTo(40_000_000L);
        assertThat(one("worth US$10 billion").usd()).isEqualTo(10_000_000_000L);
        assertThat(one("spend 1 billion dollars on").usd()).isEqualTo(1_000_000_000L);
        assertThat(one("spend five billion dollars on").amount()).isEqualTo(5_000_000_000L);
        assertThat(one("paid $1,500,000 for").amount()).isEqualTo(1_500_000L);
    }

    @Test
    void aYearBeforeToDoesNotSwallowTheFigureAfterIt() {
        // "2024 to $3 billion" reads as a range with no currency of its own; the figure after "to" must survive it
        Money.Amount a = one("The fund grew in 2024 to $3 billion, its manager said.");
        assertThat(a.amount()).isEqualTo(3_000_000_000L);
        assertThat(a.currency()).isEqualTo("USD");
    }

    @Test
    void twoFiguresJoinedByAndAreTwoUnlessTheyAreARange() {
        List<Money.Amount> two = Money.find("A and B are investing $25 million and $8.5 million, respectively.",
                "a and b are investing $25 million and $8.5 million, respectively.");
        assertThat(two).extracting(Money.Amount::amount).containsExactly(25_000_000L, 8_500_000L);
        assertThat(one("a deal of between $1 billion and $2 billion").qualifier()).isEqualTo("up_to");
    }

    @Test
    void qualifiers() {
        assertThat(one("up to $25 billion").qualifier()).isEqualTo("up_to");
        assertThat(one("more than $100 billion").qualifier()).isEqualTo("at_least");
        assertThat(one("a $100 billion-plus commitment").qualifier()).isEqualTo("at_least");
        assertThat(one("invested $13B+ so far").qualifier()).isEqualTo("at_least");
        assertThat(one("roughly $3 billion").qualifier()).isEqualTo("about");
        assertThat(one("nearly $2 billion").qualifier()).isEqualTo("about");
        assertThat(one("over $13 billion").qualifier()).isEqualTo("at_least");
        assertThat(one("a turnover $13 billion").qualifier()).isEqualTo("exact");
        assertThat(one("exactly $3 billion").qualifier()).isEqualTo("exact");
    }

    @Test
    void foreignCurrencyKeepsItsAmountAndTakesTheStatedDollars() {
        Money.Amount a = one("raised €15 million ($16 million) from");
        assertThat(a.currency()).isEqualTo("EUR");
        assertThat(a.amount()).isEqualTo(15_000_000L);
        assertThat(a.usd()).isEqualTo(16_000_000L);
        Money.Amount b = one("raised £20 million from");
        assertThat(b.currency()).isEqualTo("GBP");
        assertThat(b.usd()).isNull();
    }

    @Test
    void rangesTakeTheUpperBound() {
        Money.Amount a = one("between $1 billion and $2 billion");
        assertThat(a.amount()).isEqualTo(2_000_000_000L);
        assertThat(a.qualifier()).isEqualTo("up_to");
        assertThat(one("$3-4 billion").amount()).isEqualTo(4_000_000_000L);
    }

    @Test
    void notMoney() {
        assertThat(Money.find("in 2024 it hired 300 people and five billion tokens")).isEmpty();
        assertThat(Money.find("a 60-70% margin")).isEmpty();
    }

    @Test
    void currencyCodesAndSignsOfManyCountries() {
        assertThat(one("Anaveon raised CHF35m in a series A").currency()).isEqualTo("CHF");
        assertThat(one("Anaveon raised CHF35m in a series A").amount()).isEqualTo(35_000_000L);
        assertThat(one("has raised CHF 32 million in Series B funding").amount()).isEqualTo(32_000_000L);
        assertThat(one("a RMB50M angel round").currency()).isEqualTo("CNY");
        assertThat(one("a 250 million yuan Series D").currency()).isEqualTo("CNY");
        assertThat(one("about ¥7 billion in capital").currency()).isEqualTo("JPY");
        assertThat(one("will invest 500 billion won in the venture").currency()).isEqualTo("KRW");
        assertThat(one("SEK 1.2bn from the fund").amount()).isEqualTo(1_200_000_000L);
        assertThat(one("a A$200 million stake").currency()).isEqualTo("AUD");
        assertThat(one("raised 72 million euros").currency()).isEqualTo("EUR");
        assertThat(one("Rp62.41bn into the bank").currency()).isEqualTo("IDR");
    }

    @Test
    void indianNumbering() {
        Money.Amount a = one("Silver Lake invests ₹7,500 crore in Reliance Retail");
        assertThat(a.currency()).isEqualTo("INR");
        assertThat(a.amount()).isEqualTo(75_000_000_000L);
        assertThat(one("tops up EarlySalary by Rs 8.16 crore").amount()).isEqualTo(81_600_000L);
        assertThat(one("HealthKart raised INR 536.5 Cr in its Series H").amount()).isEqualTo(5_365_000_000L);
        assertThat(one("a Rs 50 lakh cheque").amount()).isEqualTo(5_000_000L);
        assertThat(one("a Rs 2.5 lakh crore fund for chips").amount()).isEqualTo(2_500_000_000_000L);
        assertThat(one("Rs 10 thousand crore over five years").amount()).isEqualTo(100_000_000_000L);
    }

    @Test
    void hyphenatedAndAbbreviatedScales() {
        assertThat(one("a US$235-million funding round").usd()).isEqualTo(235_000_000L);
        assertThat(one("a $1.5-billion investment").amount()).isEqualTo(1_500_000_000L);
        assertThat(one("raised $372MM of Series D financing").amount()).isEqualTo(372_000_000L);
        assertThat(one("HealthKart Raises $65.7 Mn Funding").amount()).isEqualTo(65_700_000L);
    }

    @Test
    void aConversionInBracketsIsTheSameFigure() {
        List<Money.Amount> all = Money.find("SoftBank announced a $2 billion (€1.7bn) investment in Intel.");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).currency()).isEqualTo("USD");
        Money.Amount b = one("Tokamak Energy has raised £100 million ($125 million) to push forward");
        assertThat(b.currency()).isEqualTo("GBP");
        assertThat(b.usd()).isEqualTo(125_000_000L);
    }

    @Test
    void wordsThatOnlyLookLikeCurrencies() {
        assertThat(Money.find("In recent years 5 startups won contracts")).isEmpty();
        assertThat(Money.find("The team won 3 awards")).isEmpty();
    }
}
