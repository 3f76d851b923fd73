package io.dealgraph.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void splitsStatementsAndSkipsComments() {
        Migration m = Migration.parse("V0007__Add_things.cypher", """
                // a comment
                CREATE CONSTRAINT a IF NOT EXISTS
                  FOR (n:A) REQUIRE n.id IS UNIQUE;

                CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x);
                """);
        assertThat(m.version()).isEqualTo(7);
        assertThat(m.description()).isEqualTo("Add things");
        assertThat(m.statements()).containsExactly(
                "CREATE CONSTRAINT a IF NOT EXISTS\n  FOR (n:A) REQUIRE n.id IS UNIQUE",
                "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x)");
    }

    @Test
    void theChecksumIgnoresCommentsAndLayoutButNotStatements() {
        String a = Migration.parse("V1__x.cypher", "CREATE INDEX b FOR (n:B) ON (n.x);").checksum();
        String b = Migration.parse("V1__x.cypher", "// why\nCREATE INDEX b\n   FOR (n:B) ON (n.x);").checksum();
        String c = Migration.parse("V1__x.cypher", "CREATE INDEX b FOR (n:B) ON (n.y);").checksum();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void aJavaBasedMigrationKeepsTheChecksumOfTheScriptItTookOverFrom() throws Exception {
        assertThat(SchemaMigrations.JAVA_BASED).extracting(Migration::version).containsExactly(5, 6, 7, 10);
        for (Migration m : SchemaMigrations.JAVA_BASED) {
            String file = String.format("V%04d__%s.cypher", m.version(), m.description().replace(' ', '_'));
            try (var in = MigrationTest.class.getResourceAsStream("/migrations/replaced/" + file)) {
                assertThat(in).as(file).isNotNull();
                Migration script = Migration.parse(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                assertThat(m.checksum()).as(file).isEqualTo(script.checksum());
                assertThat(m.description()).isEqualTo(script.description());
            }
        }
        assertThat(KeyBackfills.MIGRATIONS).allSatisfy(m -> assertThat(m.backfill()).isNotNull());
    }

    @Test
    void aScriptAJavaBasedMigrationTookOverFromIsLeftOutAnyOtherClashIsAnError() {
        Migration java = new Migration(2, "Keys", Migration.parse("V2__Keys.cypher", "CREATE INDEX k FOR (n:K) ON (n.k);").checksum(),
                List.of("CREATE INDEX k FOR (n:K) ON (n.k)"), session -> { });
        Migration one = Migration.parse("V1__One.cypher", "CREATE INDEX a FOR (n:A) ON (n.a);");
        // the script it replaced, still in a build directory from before
        Migration replaced = Migration.parse("V2__Keys.cypher", "// old\nCREATE INDEX k FOR (n:K) ON (n.k);");
        assertThat(SchemaMigrations.merge(List.of(one, replaced), List.of(java))).containsExactly(one, java);
        Migration other = Migration.parse("V2__Other.cypher", "CREATE INDEX o FOR (n:O) ON (n.o);");
        assertThatThrownBy(() -> SchemaMigrations.merge(List.of(one, other), List.of(java))).hasMessageContaining("share version 2");
    }

    @Test
    void badFileNamesAreRefused() {
        assertThatThrownBy(() -> Migration.parse("create_index.cypher", "")).hasMessageContaining("V<version>__<description>");
    }

    @Test
    void theShippedMigrationsAreReadInVersionOrder() {
        List<Migration> shipped = SchemaMigrations.available();
        assertThat(shipped).extracting(Migration::version).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        // Schema statements are safe where a DBA already applied them by hand.
        assertThat(shipped).allSatisfy(m -> assertThat(m.statements()).isNotEmpty().allSatisfy(s -> {
            if (s.startsWith("CREATE")) {
                assertThat(s).contains("IF NOT EXISTS");
            } else if (s.startsWith("DROP")) {
                assertThat(s).endsWith("IF EXISTS");
            }
        }));
    }
}
