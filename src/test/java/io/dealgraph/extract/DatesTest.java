package io.dealgraph.extract;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

    private static final LocalDate PUB = LocalDate.of(2024, 11, 22); // a Friday

    private static List<String> values(String s, LocalDate pub) {
        return Dates.find(s, pub).stream().map(Dates.DateMention::value).toList();
    }

    @Test
    void absoluteDatesKeepTheirPrecision() {
        assertThat(values("on November 22, 2024 it said", null)).containsExactly("2024-11-22");
        assertThat(values("on 3 March 2024 it said", null)).containsExactly("2024-03-03");
        assertThat(values("in September 2023 it said", null)).containsExactly("2023-09");
        assertThat(values("filed 2024-03-05", null)).containsExactly("2024-03-05");
        assertThat(values("in Q3 2024", null)).containsExactly("2024");
        assertThat(values("since 2019", null)).containsExactly("2019");
        assertThat(values("in mid-2019", null)).containsExactly("2019");
        assertThat(values("in a 2017 series C round", null)).containsExactly("2017");
        assertThat(values("its 2021 funding", null)).containsExactly("2021");
        assertThat(values("a 2017 report", null)).as("a year before any noun is no date").isEmpty();
    }

    @Test
    void relativeDatesResolveAgainstPublication() {
        assertThat(values("said on Monday", PUB)).containsExactly("2024-11-18");
        assertThat(values("announced today", PUB)).containsExactly("2024-11-22");
        assertThat(values("earlier this year", PUB)).containsExactly("2024");
        assertThat(values("last month", PUB)).containsExactly("2024-10");
        assertThat(values("last week", PUB)).containsExactly("2024-11");
        assertThat(values("two months ago", PUB)).containsExactly("2024-09");
        assertThat(values("in March", PUB)).containsExactly("2024-03");
        assertThat(values("in December", PUB)).containsExactly("2023-12");
    }

    @Test
    void relativeDatesWithoutPublicationStayNull() {
        assertThat(values("said on Monday", null)).containsExactly((String) null);
    }

    @Test
    void datelineUnderTheHeadline() {
        assertThat(Dates.dateline("Big headline\n\nNovember 22, 2024(Updated: November 23, 2024)\nBody")).isEqualTo(PUB);
        assertThat(Dates.dateline("Published: 2024-11-22\nBody")).isEqualTo(PUB);
        assertThat(Dates.dateline("No date here.\nNone at all.")).isNull();
    }
}
