package io.dealgraph.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.graph.Keys;
import io.dealgraph.graph.Label;
import io.dealgraph.graph.RelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The graph's keys contract (graph/Keys), checked on whatever graph a writer left: every stored key is what the
 * function makes of the node's or edge's parties, and every pair a deal is filed under has its edge carrying the same
 * key (the readers find a pair's deals through it). Run by the tests of every writer: ingest of the seeds
 * (SeedsIngestIT), ingest of a round and of deals renamed by later sources (ArrivalOrderIT), re-extraction
 * (ReextractionIT), the synthetic generator (SyntheticGraphQueryIT), the migrations' back-fills (KeyBackfillsIT, and
 * V0010 in DealIdsMigrationIT) and the seeds fixture's restored copy of the ingested graph (SeedsGraphFixtureIT).
 */
public final class KeysContract {

    private KeysContract() {
    }

    /** Asserts the contract; the failure lists every key that breaks it. Returns how many keys were checked. */
    public static int check(Driver driver) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;

        for (Record r : driver.executableQuery("""
                MATCH (e) WHERE e:Company OR e:Cloud OR e:Chip
                RETURN e.id AS id, e.name AS name, coalesce(e.aliases, []) AS aliases, e.keys AS keys""").execute().records()) {
            String id = r.get("id").asString();
            List<String> keys = r.get("keys").isNull() ? List.of() : r.get("keys").asList(Value::asString);
            List<String> names = new ArrayList<>(List.of(r.get("name").asString()));
            names.addAll(r.get("aliases").asList(Value::asString));
            for (String name : names) {
                checked++;
                if (!keys.contains(Keys.entity(name))) {
                    wrong.add("entity " + id + ": keys " + keys + " lack the key of '" + name + "', " + Keys.entity(name));
                }
            }
            for (String key : keys) {
                checked++;
                if (!key.equals(Keys.entity(key))) {
                    wrong.add("entity " + id + ": key '" + key + "' is not in key form ('" + Keys.entity(key) + "')");
                }
            }
        }

        for (Record r : driver.executableQuery("""
                MATCH (d:Deal)-[:TO]->(t)
                RETURN d.id AS id, d.type AS type, d.date AS date, d:Round AS round, t.id AS to, t:Cloud AS toCloud,
                       d.pair AS pair, d.timelineFrom AS timelineFrom, d.timelineTo AS timelineTo,
                       [(f)-[m:MADE]->(d) | {from: f.id, pair: m.pair, timeline: m.timeline}] AS made,
                       COLLECT { MATCH (f)-[:MADE]->(d), (f)-[e:INVESTS_IN|COMMITS_SPEND_TO]->(t) WHERE type(e) = d.type
                                 RETURN e.pair } AS edges""").execute().records()) {
            String id = r.get("id").asString();
            String date = r.get("date").asString(null);
            String to = r.get("to").asString();
            checked++;
            expect(wrong, "deal " + id + " timelineTo", Keys.timeline(to, date, id), r.get("timelineTo").asString(null));
            List<Value> made = r.get("made").asList(v -> v);
            if (r.get("round").asBoolean()) {
                // a round is no one pair's: each investor's MADE edge carries its pair and its place in its timeline
                expect(wrong, "round " + id + " pair", null, r.get("pair").asString(null));
                for (Value m : made) {
                    String from = m.get("from").asString();
                    checked += 2;
                    expect(wrong, "round " + id + " MADE pair of " + from, Keys.pair(RelType.INVESTS_IN, from, Label.Company, to),
                            m.get("pair").asString(null));
                    expect(wrong, "round " + id + " MADE timeline of " + from, Keys.timeline(from, date, id), m.get("timeline").asString(null));
                }
            } else {
                if (made.size() != 1) {
                    wrong.add("deal " + id + " is MADE by " + made.size() + " parties, not one");
                    continue;
                }
                String from = made.get(0).get("from").asString();
                String pair = Keys.pair(RelType.valueOf(r.get("type").asString()), from,
                        r.get("toCloud").asBoolean() ? Label.Cloud : Label.Company, to);
                checked += 3;
                expect(wrong, "deal " + id + " pair", pair, r.get("pair").asString(null));
                expect(wrong, "deal " + id + " timelineFrom", Keys.timeline(from, date, id), r.get("timelineFrom").asString(null));
                expect(wrong, "deal " + id + " pair edge", List.of(pair), r.get("edges").asList(Value::asString));
            }
        }

        for (Record r : driver.executableQuery("""
                MATCH (f)-[e:INVESTS_IN|COMMITS_SPEND_TO]->(t)
                RETURN type(e) AS type, f.id AS from, t.id AS to, t:Cloud AS toCloud, e.pair AS pair, e.totalUsd AS total,
                       e.rankFrom AS rankFrom, e.rankTo AS rankTo""").execute().records()) {
            RelType type = RelType.valueOf(r.get("type").asString());
            String from = r.get("from").asString();
            String to = r.get("to").asString();
            String edge = type + " " + from + " -> " + to;
            checked++;
            expect(wrong, edge + " pair", Keys.pair(type, from, r.get("toCloud").asBoolean() ? Label.Cloud : Label.Company, to),
                    r.get("pair").asString(null));
            if (type == RelType.INVESTS_IN) {
                Number total = r.get("total").isNull() ? null : r.get("total").asNumber();
                checked += 2;
                expect(wrong, edge + " rankFrom", Keys.rank(from, total, to), r.get("rankFrom").asString(null));
                expect(wrong, edge + " rankTo", Keys.rank(to, total, from), r.get("rankTo").asString(null));
            }
        }
        assertThat(wrong).as("keys that are not what graph/Keys makes").isEmpty();
        assertThat(checked).as("keys checked").isPositive();
        return checked;
    }

    private static void expect(List<String> wrong, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            wrong.add(what + ": expected " + expected + ", stored " + actual);
        }
    }
}
