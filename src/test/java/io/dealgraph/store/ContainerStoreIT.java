package io.dealgraph.store;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.Neo4jContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same contract against the official Neo4j image, the server-mode deployment of docker-compose.yml.
 * Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerStoreIT extends StoreContract {

    @Container
    static final Neo4jContainer<?> NEO4J = new Neo4jContainer<>("neo4j:5.26-community").withAdminPassword("dealgraph-test");

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        registry.add("dealgraph.neo4j.uri", NEO4J::getBoltUrl);
        registry.add("dealgraph.neo4j.username", () -> "neo4j");
        registry.add("dealgraph.neo4j.password", NEO4J::getAdminPassword);
    }
}
