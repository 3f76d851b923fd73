package io.dealgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The query API reads an entity's timeline in the order of these keys; it must be the order the timeline promises:
 * dated deals by date as text (2024 before 2024-03 before 2024-03-01), then by id, undated deals last by id.
 */
class TimelineKeyTest {

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
                .sorted(Comparator.comparing((Deal d) -> GraphWriter.timelineKey("amazon", d.date(), d.id()))).toList();
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
                keys.add(GraphWriter.timelineKey(id, date, "deal-" + id + "-" + date));
            }
        }
        for (String id : ids) {
            List<String> range = keys.stream().filter(k -> k.startsWith(id + " ")).toList();
            assertThat(range).hasSize(dates.size()).allSatisfy(k -> assertThat(k).contains("deal-" + id + "-"));
            List<String> dated = keys.stream().filter(k -> k.compareTo(id + " ") >= 0 && k.compareTo(id + " ~") < 0).toList();
            assertThat(dated).hasSize(dates.size() - 1).noneMatch(k -> k.contains("-null"));
            assertThat(keys.stream().filter(k -> k.startsWith(id + " ~ "))).containsExactly(
                    GraphWriter.timelineKey(id, null, "deal-" + id + "-null"));
        }
    }
}
