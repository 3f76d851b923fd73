package io.dealgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExposureGuardTest {

    static EmbeddedSettings bolt(String address, String password) {
        return new EmbeddedSettings(Path.of("unused"), address, 7687, "32m", password);
    }

    @Test
    void loopbackNeedsNoCredential() {
        assertThatCode(() -> ExposureGuard.checkBolt(bolt("127.0.0.1", ""))).doesNotThrowAnyException();
        assertThatCode(() -> ExposureGuard.checkBolt(bolt("localhost", ""))).doesNotThrowAnyException();
        assertThatCode(() -> ExposureGuard.checkBolt(bolt("::1", ""))).doesNotThrowAnyException();
        assertThatCode(() -> ExposureGuard.checkHttp("127.0.0.1", "")).doesNotThrowAnyException();
    }

    @Test
    void anyOtherAddressNeedsOne() {
        assertThatThrownBy(() -> ExposureGuard.checkBolt(bolt("0.0.0.0", ""))).isInstanceOf(UnsafeExposureException.class);
        assertThatThrownBy(() -> ExposureGuard.checkHttp("0.0.0.0", " ")).isInstanceOf(UnsafeExposureException.class);
        // Unset means all interfaces for Tomcat.
        assertThatThrownBy(() -> ExposureGuard.checkHttp("", "")).isInstanceOf(UnsafeExposureException.class);
        assertThatCode(() -> ExposureGuard.checkBolt(bolt("0.0.0.0", "a-password"))).doesNotThrowAnyException();
        assertThatCode(() -> ExposureGuard.checkHttp("0.0.0.0", "a-token")).doesNotThrowAnyException();
    }

    @Test
    void aTokenGuardedServerBeyondLoopbackNeedsABoltPasswordToo() {
        String embedded = "";
        assertThatThrownBy(() -> ExposureGuard.checkBoltBehindToken("0.0.0.0", "a-token", embedded, ""))
                .isInstanceOf(UnsafeExposureException.class)
                .hasMessageContaining("no password")
                .satisfies(e -> assertThat(((UnsafeExposureException) e).action()).contains("DEALGRAPH_BOLT_PASSWORD"));
        assertThatCode(() -> ExposureGuard.checkBoltBehindToken("0.0.0.0", "a-token", embedded, "a-password")).doesNotThrowAnyException();
        // On loopback it stays a choice (documented, and warned about at start-up); an external Neo4j has its own auth.
        assertThatCode(() -> ExposureGuard.checkBoltBehindToken("127.0.0.1", "a-token", embedded, "")).doesNotThrowAnyException();
        assertThatCode(() -> ExposureGuard.checkBoltBehindToken("0.0.0.0", "a-token", "neo4j+s://x.databases.neo4j.io", "")).doesNotThrowAnyException();
    }

    @Test
    void dataDirectoriesAreNormalisedBecauseNeo4jRefusesDotSegments() {
        assertThat(new EmbeddedSettings(Path.of("./x/../data"), null, 0, null, null).dataDir())
                .isEqualTo(Path.of("data").toAbsolutePath());
    }
}
