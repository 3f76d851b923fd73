package io.dealgraph.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cypher}: any read-only Cypher, for power users. Two locks, either of which is enough to stop a
 * write: the query is first planned with EXPLAIN and refused unless the plan is read-only and uses nothing that
 * reaches outside the graph or commits on its own (LOAD CSV, CALL IN TRANSACTIONS, procedures not known to only
 * read); then it runs in a READ transaction, in which the database itself refuses writes.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@Tag(name = "Cypher", description = "Read-only Cypher for power users")
class CypherConsole {

    static final int MAX_QUERY_CHARS = 20_000;

    /** Procedures that only read; any other procedure is refused, whatever the plan says about it. */
    static final Set<String> READ_PROCEDURES = Set.of("db.labels", "db.relationshipTypes", "db.propertyKeys",
            "db.schema.visualization", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
            "db.index.fulltext.queryNodes", "db.index.fulltext.queryRelationships",
            "db.index.vector.queryNodes", "db.index.vector.queryRelationships");

    /** Commands that only describe the schema; other commands (transactions, settings) are refused. */
    static final Set<String> READ_COMMANDS = Set.of("ShowIndexes", "ShowConstraints", "ShowProcedures", "ShowFunctions");

    @Schema(description = "A Cypher query and its parameters")
    record CypherRequest(
            @Schema(example = "MATCH (i:Company)-[r:INVESTS_IN]->(c:Company {name: $name}) RETURN i.name AS investor, r.totalUsd AS usd ORDER BY usd DESC")
            String query,
            @Schema(example = "{\"name\": \"Anthropic\"}") Map<String, Object> parameters) {
    }

    @Schema(description = "The rows, at most maxRows of them")
    record CypherResult(List<String> columns, List<Map<String, Object>> rows,
                        @Schema(description = "true when the query had more rows than maxRows") boolean truncated,
                        int maxRows) {
    }

    private final GraphReader graph;
    private final QuerySettings settings;

    CypherConsole(GraphReader graph, QuerySettings settings) {
        this.graph = graph;
        this.settings = settings;
    }

    @PostMapping(path = "/cypher", consumes = "application/json")
    @Operation(summary = "Run a read-only Cypher query",
            description = "Runs in a read transaction with a timeout (dealgraph.query.timeout) and returns at most "
                    + "dealgraph.query.cypher-max-rows rows. Anything that writes, loads files or URLs (LOAD CSV), commits on "
                    + "its own (CALL { } IN TRANSACTIONS) or calls a procedure not known to only read is refused with 400. "
                    + "Nodes come back as {elementId, labels, properties}, relationships as {elementId, type, start, end, properties}.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "Anthropic's funders", value = "{\"query\": \"MATCH (i:Company)-[r:INVESTS_IN]->(c:Company {name: $name}) "
                    + "RETURN i.name AS investor, r.totalUsd AS usd ORDER BY usd DESC\", \"parameters\": {\"name\": \"Anthropic\"}}"))))
    CypherResult run(@RequestBody CypherRequest request) {
        String query = request == null ? null : request.query();
        if (query == null || query.isBlank()) {
            throw ApiProblems.badParameter("Send {\"query\": \"MATCH ...\", \"parameters\": {...}}: the query is missing.");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw ApiProblems.badParameter("The query is longer than " + MAX_QUERY_CHARS + " characters.");
        }
        Map<String, Object> parameters = request.parameters() == null ? Map.of() : request.parameters();
        try (Session session = graph.driver().session(graph.readSession())) {
            refuseUnlessReadOnly(session, query, parameters);
            // An explicit transaction, not executeRead: a timed-out query must fail once, not be retried.
            try (Transaction tx = session.beginTransaction(TransactionConfig.builder().withTimeout(settings.timeout()).build())) {
                Result result = tx.run(query, parameters);
                List<String> columns = result.keys();
                List<Map<String, Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (result.hasNext()) {
                    if (rows.size() == settings.cypherMaxRows()) {
                        truncated = true;
                        break;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    result.next().fields().forEach(p -> row.put(p.key(), json(p.value())));
                    rows.add(row);
                }
                return new CypherResult(columns, rows, truncated, settings.cypherMaxRows());
            }
        } catch (Neo4jException e) {
            throw refusal(e);
        }
    }

    private static void refuseUnlessReadOnly(Session session, String query, Map<String, Object> parameters) {
        ResultSummary plan = session.run("EXPLAIN " + query, parameters).consume();
        if (plan.queryType() != QueryType.READ_ONLY) {
            throw ApiProblems.badRequest("Query refused", "Only read-only queries run here; this one "
                    + describe(plan.queryType()) + ". Use Neo4j Browser or ingest to change the graph.");
        }
        if (plan.hasPlan()) {
            checkOperators(plan.plan());
        }
    }

    private static void checkOperators(Plan plan) {
        String operator = plan.operatorType().replaceFirst("@.*", "");
        if (operator.equals("LoadCSV")) {
            throw ApiProblems.badRequest("Query refused", "LOAD CSV is not allowed here: it reads files and URLs from the server.");
        }
        if (operator.startsWith("Transaction")) {
            throw ApiProblems.badRequest("Query refused", "CALL { ... } IN TRANSACTIONS is not allowed here: it commits on its own.");
        }
        // TERMINATE TRANSACTIONS plans as read-only, and SHOW TRANSACTIONS reveals other users' queries.
        if ((operator.startsWith("Show") || operator.startsWith("Terminate")) && !READ_COMMANDS.contains(operator)) {
            throw ApiProblems.badRequest("Query refused", "Administration commands are not allowed here ("
                    + operator + "); SHOW INDEXES, CONSTRAINTS, PROCEDURES and FUNCTIONS are.");
        }
        if (operator.equals("ProcedureCall")) {
            Value details = plan.arguments().get("Details");
            String call = details == null ? "" : details.asString();
            String name = call.contains("(") ? call.substring(0, call.indexOf('(')).strip() : call.strip();
            if (!READ_PROCEDURES.contains(name)) {
                throw ApiProblems.badRequest("Query refused", "The procedure " + (name.isEmpty() ? "called" : name)
                        + " is not allowed here; read-only procedures that are: " + String.join(", ", READ_PROCEDURES.stream().sorted().toList()) + ".");
            }
        }
        plan.children().forEach(CypherConsole::checkOperators);
    }

    private static String describe(QueryType type) {
        return switch (type) {
            case READ_WRITE, WRITE_ONLY -> "writes to the graph";
            case SCHEMA_WRITE -> "changes the schema";
            default -> "is not a plain read (" + type.name().toLowerCase(Locale.ROOT) + ")";
        };
    }

    private static RuntimeException refusal(Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        if (code.contains("TimedOut") || code.contains("Terminated")) {
            return ApiProblems.badRequest("Query timed out", "The query ran longer than the limit "
                    + "(dealgraph.query.timeout); narrow it down: a LIMIT, a label, an indexed property.");
        }
        if (code.contains("ForbiddenDueToTransactionType") || code.contains("Forbidden") || code.contains("AccessMode")) {
            return ApiProblems.badRequest("Query refused", "Only read-only queries run here: " + e.getMessage());
        }
        var problem = ApiProblems.badRequest("Query failed", e.getMessage());
        problem.getBody().setProperty("code", code);
        return problem;
    }

    /** Driver values as plain JSON: graph elements as maps, temporal and spatial values as their Cypher text. */
    static Object json(Value v) {
        return switch (v.type().name()) {
            case "NULL" -> null;
            case "NODE" -> {
                Node n = v.asNode();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("elementId", n.elementId());
                m.put("labels", n.labels());
                m.put("properties", jsonMap(n.asMap(x -> x)));
                yield m;
            }
            case "RELATIONSHIP" -> {
                Relationship r = v.asRelationship();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("elementId", r.elementId());
                m.put("type", r.type());
                m.put("start", r.startNodeElementId());
                m.put("end", r.endNodeElementId());
                m.put("properties", jsonMap(r.asMap(x -> x)));
                yield m;
            }
            case "PATH" -> {
                Path p = v.asPath();
                List<Object> nodes = new ArrayList<>();
                p.nodes().forEach(n -> nodes.add(json(org.neo4j.driver.Values.value(n))));
                List<Object> rels = new ArrayList<>();
                p.relationships().forEach(r -> rels.add(json(org.neo4j.driver.Values.value(r))));
                yield Map.of("nodes", nodes, "relationships", rels);
            }
            case "LIST" -> v.asList(CypherConsole::json);
            case "MAP" -> jsonMap(v.asMap(x -> x));
            case "BOOLEAN" -> v.asBoolean();
            case "INTEGER" -> v.asLong();
            case "FLOAT" -> v.asDouble();
            case "STRING" -> v.asString();
            case "BYTES" -> Base64.getEncoder().encodeToString(v.asByteArray());
            default -> v.toString();
        };
    }

    private static Map<String, Object> jsonMap(Map<String, Value> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, x) -> out.put(k, json(x)));
        return out;
    }
}
