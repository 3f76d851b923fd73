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
}
