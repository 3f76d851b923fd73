package io.dealgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The keys sort and match as the readers rely on. Timelines: the query API reads an entity's timeline in the order of
 * these keys, which must be the order the timeline promises: dated deals by date as text (2024 before 2024-03 before
 * 2024-03-01), then by id, undated deals last by id. Ranks: a party's pairs largest total first, ties by the other
 * party. Entity keys: what a user types finds what ingest stored, whatever the case, accents and spacing.
 */
class KeysTest {

    record Deal(String id, String date) {
    }

    static final Comparator<Deal> TIMELINE_ORDER = Comparator
            .comparing((Deal d) -> d.date() == null)
            .thenComparing(Deal::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Deal::id);

    @Test
    void keysSortLikeTheTimelineWhateverTheDatePrecision() {
        Random random = new Random(11);
        List<Deal> deals = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String year = String.valueOf(2018 + random.nextInt(3));
            String month = String.format(java.util.Locale.ROOT, "%02d", 1 + random.nextInt(3));
            String day = String.format(java.util.Locale.ROOT, "%02d", 1 + random.nextInt(3));
            String date = switch (random.nextInt(5)) {
                case 0 -> null;
                case 1 -> year;
                case 2 -> year + "-" + month;
                default -> year + "-" + month + "-" + day;
            };
            deals.add(new Deal("deal-" + Integer.toHexString(random.nextInt(1 << 20)), date));
        }
        List<Deal> byTimeline = deals.stream().sorted(TIMELINE_ORDER).toList();
        List<Deal> byKey = deals.stream()
                .sorted(Comparator.comparing((Deal d) -> Keys.timeline("amazon", d.date(), d.id()))).toList();
        assertThat(byKey).isEqualTo(byTimeline);
    }

    @Test
    void anEntitysKeysAreExactlyThoseStartingWithItsIdAndASpace() {
        // timeline.cypher selects an entity's deals with STARTS WITH '<id> ' (dated ones below '<id> ~', undated
        // ones from '<id> ~ '). Ids that prefix one another ('co-1', 'co-10', 'co-1-labs') must not leak into each
        // other's range, whatever the dates.
        List<String> ids = List.of("co-1", "co-10", "co-1-labs", "co-1a");
        List<String> dates = java.util.Arrays.asList(null, "2024", "2024-03", "2024-03-01", "1999-12-31");
        List<String> keys = new ArrayList<>();
        for (String id : ids) {
            for (String date : dates) {
                keys.add(Keys.timeline(id, date, "deal-" + id + "-" + date));
            }
        }
        for (String id : ids) {
            List<String> range = keys.stream().filter(k -> k.startsWith(id + " ")).toList();
            assertThat(range).hasSize(dates.size()).allSatisfy(k -> assertThat(k).contains("deal-" + id + "-"));
            List<String> dated = keys.stream().filter(k -> k.compareTo(id + " ") >= 0 && k.compareTo(id + " ~") < 0).toList();
            assertThat(dated).hasSize(dates.size() - 1).noneMatch(k -> k.contains("-null"));
            assertThat(keys.stream().filter(k -> k.startsWith(id + " ~ "))).containsExactly(
                    Keys.timeline(id, null, "deal-" + id + "-null"));
        }
    }

    @Test
    void rankKeysSortLargerTotalsFirstThenByTheOtherParty() {
        List<String> keys = new ArrayList<>(List.of(
                Keys.rank("amazon", 4_000_000_000L, "b"), Keys.rank("amazon", null, "a"), Keys.rank("amazon", 0L, "c"),
                Keys.rank("amazon", 13_000_000_000L, "z"), Keys.rank("amazon", 4_000_000_000L, "a")));
        keys.sort(Comparator.naturalOrder());
        assertThat(keys).containsExactly("amazon 9999986999999999 z", "amazon 9999995999999999 a", "amazon 9999995999999999 b",
                "amazon 9999999999999999 a", "amazon 9999999999999999 c");
    }

    @Test
    void rankKeysClampTotalsOutsideSixteenDigits() {
        assertThat(Keys.rank("x", -5L, "y")).isEqualTo("x 9999999999999999 y");
        assertThat(Keys.rank("x", Long.MAX_VALUE, "y")).isEqualTo("x 0000000000000000 y");
        assertThat(Keys.rank("x", 12.9, "y")).as("whole dollars").isEqualTo("x 9999999999999987 y");
    }

    @Test
    void pairKeysNameTheTypeBothPartiesAndTheLabelOfTheSecond() {
        assertThat(Keys.pair(RelType.INVESTS_IN, "amazon", Label.Company, "anthropic")).isEqualTo("INVESTS_IN|amazon|Company|anthropic");
        assertThat(Keys.pair(RelType.COMMITS_SPEND_TO, "openai", Label.Cloud, "microsoft-azure"))
                .isEqualTo("COMMITS_SPEND_TO|openai|Cloud|microsoft-azure")
                .isNotEqualTo(Keys.pair(RelType.COMMITS_SPEND_TO, "openai", Label.Company, "microsoft-azure"));
        assertThatThrownBy(() -> Keys.pair(RelType.USES, "openai", Label.Chip, "h100")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entityKeysFoldCaseAccentsAndSpacing() {
        assertThat(Keys.entity("  Amazon   Web\tServices ")).isEqualTo("amazon web services");
        assertThat(Keys.entity("Nestlé")).isEqualTo(Keys.entity("NESTLE")).isEqualTo("nestle");
        assertThat(Keys.entity("Ｍｉｓｔｒａｌ")).as("full-width letters").isEqualTo("mistral");
        assertThat(Keys.entity(Keys.entity("Société Générale"))).isEqualTo(Keys.entity("Société Générale"));
    }
}
