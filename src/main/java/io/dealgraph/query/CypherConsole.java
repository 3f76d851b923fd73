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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.annotation.PreDestroy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.TypeSystem;
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

    /**
     * range() is the one way a short query asks for unbounded work without reading the store: Neo4j checks its
     * timeout when a query touches the store, not while it folds a billion numbers in an expression.
     */
    static final long MAX_RANGE = 1_000_000;
    private static final Pattern LITERAL_RANGE = Pattern.compile(
            "(?i)\\brange\\s*\\(\\s*(-?\\d{1,19})\\s*,\\s*(-?\\d{1,19})\\s*(?:,\\s*(-?\\d{1,19})\\s*)?\\)");
    private static final Pattern INDEX_OR_CONSTRAINT = Pattern.compile("(?is)^\\s*(CREATE|DROP)\\b.*\\b(INDEX|CONSTRAINT)\\b.*");

    private final GraphReader graph;
    private final QuerySettings settings;
    /** Console queries run on their own threads, a few at a time, so a runaway holds a slot, not the server. */
    private final Semaphore slots;
    private final ExecutorService runners = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cypher-console");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong lastGiveBack = new AtomicLong();

    CypherConsole(GraphReader graph, QuerySettings settings) {
        this.graph = graph;
        this.settings = settings;
        this.slots = new Semaphore(settings.cypherConcurrency());
    }

    @PreDestroy
    void stop() {
        runners.shutdownNow();
    }

    @PostMapping(path = "/cypher", consumes = "application/json")
    @Operation(summary = "Run a read-only Cypher query",
            description = "Runs in a read transaction with a timeout (dealgraph.query.timeout) and returns at most "
                    + "dealgraph.query.cypher-max-rows rows. Anything that writes, loads files or URLs (LOAD CSV), commits on "
                    + "its own (CALL { } IN TRANSACTIONS) or calls a procedure not known to only read is refused with 400. "
                    + "At most dealgraph.query.cypher-concurrency queries run at once; past that the answer is 503 with Retry-After. "
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
        refuseHugeRanges(query);
        Map<String, Object> parameters = request.parameters() == null ? Map.of() : request.parameters();
        if (!slots.tryAcquire()) {
            throw busy();
        }
        Future<CypherResult> answer;
        try {
            answer = runners.submit(() -> {
                try {
                    return execute(query, parameters);
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            slots.release();
            throw busy();
        }
        // The database's own timeout ends most queries; this one holds when it cannot (pure expressions).
        long waitMillis = settings.timeout().toMillis() + grace(settings.timeout().toMillis());
        try {
            return answer.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            // Not cancelled: an interrupt does not stop the database's work, and a cancelled future would end the wait
            // below at once. The runaway keeps its slot until the database lets go of it; then its garbage is handed back.
            runners.execute(() -> {
                awaitQuietly(answer);
                giveMemoryBack();
            });
            throw timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErrorResponseException problem) {
                throw problem;
            }
            if (e.getCause() instanceof Neo4jException failure) {
                if (String.valueOf(failure.code()).contains("MemoryPool")) {
                    giveMemoryBack();
                }
                throw refusal(failure);
            }
            throw new IllegalStateException("The query failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * How long past the timeout the console waits for the database's own "timed out" before answering itself: half
     * the timeout, at most two seconds, so that the database's answer (which frees the slot at once) comes first
     * whenever it can.
     */
    static long grace(long timeoutMillis) {
        return Math.max(250, Math.min(2_000, timeoutMillis / 2));
    }

    private CypherResult execute(String query, Map<String, Object> parameters) {
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
        }
    }

    static void refuseHugeRanges(String query) {
        Matcher m = LITERAL_RANGE.matcher(query);
        while (m.find()) {
            try {
                long from = Long.parseLong(m.group(1));
                long to = Long.parseLong(m.group(2));
                long step = m.group(3) == null ? 1 : Long.parseLong(m.group(3));
                long size = step == 0 ? Long.MAX_VALUE : Math.max(0, Math.floorDiv(Math.subtractExact(to, from), step) + 1);
                if (size > MAX_RANGE) {
                    throw ApiProblems.badRequest("Query refused", "range() of more than " + MAX_RANGE
                            + " numbers is not allowed here (" + m.group() + "); page through the graph instead.");
                }
            } catch (NumberFormatException | ArithmeticException outOfRange) {
                throw ApiProblems.badRequest("Query refused", "range() with bounds this large is not allowed here (" + m.group() + ").");
            }
        }
    }

    private static void awaitQuietly(Future<?> running) {
        try {
            running.get();
        } catch (Exception ignored) {
            // Its caller has long been answered; only its end matters here.
        }
    }

    /**
     * A runaway query can grow the heap by gigabytes of garbage; a collection once it is over lets the JVM return
     * that memory to the machine instead of keeping it. At most once a minute, so no caller can make it a habit.
     */
    private void giveMemoryBack() {
        long now = System.currentTimeMillis();
        long last = lastGiveBack.get();
        if (now - last > 60_000 && lastGiveBack.compareAndSet(last, now)) {
            System.gc();
        }
    }

    private static ErrorResponseException busy() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Other Cypher queries are still running (dealgraph.query.cypher-concurrency); try again in a few seconds.");
        problem.setTitle("Busy");
        ErrorResponseException e = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return e;
    }

    private static ErrorResponseException timedOut() {
        return ApiProblems.badRequest("Query timed out", "The query ran longer than the limit "
                + "(dealgraph.query.timeout); narrow it down: a LIMIT, a label, an indexed property.");
    }

    private static void refuseUnlessReadOnly(Session session, String query, Map<String, Object> parameters) {
        ResultSummary plan = session.run("EXPLAIN " + query, parameters).consume();
        if (plan.queryType() == QueryType.SCHEMA_WRITE && !INDEX_OR_CONSTRAINT.matcher(query).matches()) {
            // Users, roles, databases and privileges plan as schema writes, but are administration.
            throw ApiProblems.badRequest("Query refused", "Administration commands (users, roles, databases, "
                    + "privileges) are not allowed here; SHOW INDEXES, CONSTRAINTS, PROCEDURES and FUNCTIONS are.");
        }
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
            return timedOut();
        }
        if (code.contains("MemoryPool")) {
            return ApiProblems.badRequest("Query too large", "The query needed more memory than one transaction may "
                    + "hold (dealgraph.embedded.transaction-memory on the embedded database); aggregate less at once.");
        }
        if (code.contains("ForbiddenDueToTransactionType") || code.contains("Forbidden") || code.contains("AccessMode")) {
            return ApiProblems.badRequest("Query refused", "Only read-only queries run here: " + e.getMessage());
        }
        var problem = ApiProblems.badRequest("Query failed", e.getMessage());
        problem.getBody().setProperty("code", code);
        return problem;
    }

    /**
     * Driver values as plain JSON: graph elements and paths as maps, lists and maps as JSON arrays and objects,
     * temporal values as their ISO-8601 text (durations too), points as {srid, x, y[, z]}. The switch is on the
     * driver's type constructor, not its name: the name of a list type is "LIST OF ANY?", not "LIST".
     */
    static Object json(Value v) {
        TypeSystem types = TypeSystem.getDefault();
        if (v.isNull()) {
            return null;
        }
        if (v.hasType(types.NODE())) {
            Node n = v.asNode();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("elementId", n.elementId());
            m.put("labels", n.labels());
            m.put("properties", jsonMap(n.asMap(x -> x)));
            return m;
        }
        if (v.hasType(types.RELATIONSHIP())) {
            Relationship r = v.asRelationship();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("elementId", r.elementId());
            m.put("type", r.type());
            m.put("start", r.startNodeElementId());
            m.put("end", r.endNodeElementId());
            m.put("properties", jsonMap(r.asMap(x -> x)));
            return m;
        }
        if (v.hasType(types.PATH())) {
            Path p = v.asPath();
            List<Object> nodes = new ArrayList<>();
            p.nodes().forEach(n -> nodes.add(json(org.neo4j.driver.Values.value(n))));
            List<Object> rels = new ArrayList<>();
            p.relationships().forEach(r -> rels.add(json(org.neo4j.driver.Values.value(r))));
            return Map.of("nodes", nodes, "relationships", rels);
        }
        if (v.hasType(types.LIST())) {
            return v.asList(CypherConsole::json);
        }
        if (v.hasType(types.MAP())) {
            return jsonMap(v.asMap(x -> x));
        }
        if (v.hasType(types.BOOLEAN())) {
            return v.asBoolean();
        }
        if (v.hasType(types.INTEGER())) {
            return v.asLong();
        }
        if (v.hasType(types.FLOAT())) {
            double d = v.asDouble();
            // JSON has no NaN or infinities; their Cypher names are the honest text.
            return Double.isFinite(d) ? (Object) d : String.valueOf(d);
        }
        if (v.hasType(types.STRING())) {
            return v.asString();
        }
        if (v.hasType(types.BYTES())) {
            return Base64.getEncoder().encodeToString(v.asByteArray());
        }
        if (v.hasType(types.POINT())) {
            Point point = v.asPoint();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("srid", point.srid());
            m.put("x", point.x());
            m.put("y", point.y());
            if (!Double.isNaN(point.z())) {
                m.put("z", point.z());
            }
            return m;
        }
        if (v.hasType(types.DATE())) {
            return v.asLocalDate().toString();
        }
        if (v.hasType(types.LOCAL_DATE_TIME())) {
            return v.asLocalDateTime().toString();
        }
        if (v.hasType(types.LOCAL_TIME())) {
            return v.asLocalTime().toString();
        }
        if (v.hasType(types.TIME())) {
            return v.asOffsetTime().toString();
        }
        if (v.hasType(types.DATE_TIME())) {
            return v.asZonedDateTime().format(java.time.format.DateTimeFormatter.ISO_ZONED_DATE_TIME);
        }
        if (v.hasType(types.DURATION())) {
            return isoDuration(v.asIsoDuration());
        }
        return v.asObject().toString();
    }

    /** ISO-8601 as Cypher writes it (P1Y2M, PT1H30M, P0D), not the driver's P14M0DT0S. */
    static String isoDuration(IsoDuration d) {
        StringBuilder out = new StringBuilder("P");
        long years = d.months() / 12;
        long months = d.months() % 12;
        if (years != 0) {
            out.append(years).append('Y');
        }
        if (months != 0) {
            out.append(months).append('M');
        }
        if (d.days() != 0) {
            out.append(d.days()).append('D');
        }
        long seconds = d.seconds();
        int nanos = d.nanoseconds();
        if (seconds != 0 || nanos != 0) {
            out.append('T');
            long hours = seconds / 3600;
            long minutes = (seconds % 3600) / 60;
            long rest = seconds % 60;
            if (hours != 0) {
                out.append(hours).append('H');
            }
            if (minutes != 0) {
                out.append(minutes).append('M');
            }
            if (rest != 0 || nanos != 0) {
                out.append(java.math.BigDecimal.valueOf(rest).add(java.math.BigDecimal.valueOf(nanos, 9))
                        .stripTrailingZeros().toPlainString()).append('S');
            }
        }
        return out.length() == 1 ? "P0D" : out.toString();
    }

    private static Map<String, Object> jsonMap(Map<String, Value> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, x) -> out.put(k, json(x)));
        return out;
    }
}
