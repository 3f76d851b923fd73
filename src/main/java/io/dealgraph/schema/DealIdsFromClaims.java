package io.dealgraph.schema;

import io.dealgraph.graph.CypherScript;

/**
 * V0010, which names each deal and round after its earliest claim (ingest/DealIds) on graphs written before ids were
 * made that way. It was a script that gave a deal the empty id {@code deal-} when its claims were missing or not named
 * {@code claim-...}: on a graph that carries no migration history, such as one a csv export was imported into with
 * neo4j-admin, every migration runs again, and a second such deal stopped the start-up on the unique id. Its statement
 * now lives in {@code cypher/backfill/deal-ids.cypher} and leaves a deal it cannot re-key as it is; the migration keeps
 * the script's checksum, so a database that applied the script sees nothing new.
 */
final class DealIdsFromClaims {

    static final Migration MIGRATION = new Migration(10, "Deal ids from their claims", "0785afd50101064afe7c7732",
            CypherScript.load("backfill/deal-ids.cypher").statements(), null);

    private DealIdsFromClaims() {
    }
}
