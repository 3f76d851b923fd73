package io.dealgraph.query;

import static io.dealgraph.query.Values.count;
import static io.dealgraph.query.Values.integer;
import static io.dealgraph.query.Values.list;
import static io.dealgraph.query.Values.num;
import static io.dealgraph.query.Values.ref;
import static io.dealgraph.query.Values.str;
import static io.dealgraph.query.Values.strings;

import io.dealgraph.graph.Label;
import io.dealgraph.graph.RelType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read side of the graph over HTTP. Each endpoint resolves the names it is given, then runs one file of
 * {@code cypher/queries/} with parameters; nothing a user sends is ever spliced into Cypher text.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@Tag(name = "Query", description = "Who funds whom, timelines, totals, circular deals and paths")
class QueryController {

    /** The longest cycle circular.cypher has a branch for, in money legs. */
    static final int LONGEST_CYCLE = 4;
    static final int MAX_HOPS = 6;
    static final int MAX_LIMIT = 500;

    private static final List<String> COMPANY = List.of(Label.Company.name());
    private static final List<String> COMPANY_OR_CLOUD = List.of(Label.Company.name(), Label.Cloud.name());
    private static final List<String> ANY = Label.ENTITIES.stream().map(Label::name).toList();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** What the seed articles give for Anthropic, abridged to its largest funder and that funder's latest deal. */
    static final String FUNDERS_EXAMPLE = """
            {"company": {"id": "anthropic", "name": "Anthropic", "type": "Company"},
             "funders": [{"counterparty": {"id": "amazon", "name": "Amazon", "type": "Company"},
                          "totalUsd": 13000000000, "dealCount": 3, "undisclosed": 0,
                          "firstDate": "2023-09", "lastDate": "2026-04-20",
                          "deals": [{"id": "deal-e836a665f77f3ff220890437", "type": "INVESTS_IN", "date": "2024-11-22",
                                     "amount": 4000000000, "currency": "USD", "amountUsd": 4000000000,
                                     "qualifier": "exact", "status": "announced", "label": "$4B 2024-11-22"}]}],
             "page": {"offset": 0, "limit": 20, "hasMore": false}}""";
    private static final String AS_OF = "YYYY-MM-DD: answer with what the sources published up to that day said "
            + "(deals first reported later left out, figures as they then stood)";

    private final GraphReader graph;
    private final EntityResolver entities;
    private final QuerySettings settings;

    QueryController(GraphReader graph, EntityResolver entities, QuerySettings settings) {
        this.graph = graph;
        this.entities = entities;
        this.settings = settings;
    }

    @GetMapping("/entities")
    @Operation(summary = "Search entities by name or alias",
            description = "Each word must start a word of a name or alias, or be one typo away from one. Best matches first.")
    Answers.EntitySearch search(
            @Parameter(description = "what to look for", example = "anthr") @RequestParam String q,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") int offset,
            @Parameter(example = "20") @RequestParam(defaultValue = "20") int limit) {
        if (EntityResolver.normalise(q).isEmpty()) {
            throw ApiProblems.badParameter("q must not be blank.");
        }
        if (q.length() > 200) {
            throw ApiProblems.badParameter("q is at most 200 characters.");
        }
        checkPage(offset, limit);
        List<Record> rows;
        try {
            rows = entities.search(q, offset, limit + 1);
        } catch (ClientException e) {
            throw ApiProblems.badParameter("q could not be searched for: " + e.getMessage());
        }
        List<Answers.EntityMatch> found = rows.stream().limit(limit).map(r -> new Answers.EntityMatch(str(r.get("id")),
                str(r.get("name")), str(r.get("type")), strings(r.get("aliases")), strings(r.get("owners")),
                r.get("score").asDouble())).toList();
        return new Answers.EntitySearch(q, found, new Answers.Page(offset, limit, rows.size() > limit));
    }

    @GetMapping("/companies/{name}/funders")
    @Operation(summary = "Who funds this company",
            description = "Per investor: total in USD (deals with no figure counted apart as 'undisclosed'), number of deals, "
                    + "first and last date, and the deals in date order with their tranches. Largest total first, ties by investor id.",
            responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the company's funders",
                    content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "Anthropic's funders (the seed articles)", value = FUNDERS_EXAMPLE))))
    Answers.Funders funders(
            @Parameter(description = "company name or alias, any case", example = "Anthropic") @PathVariable String name,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") int offset,
            @Parameter(example = "20") @RequestParam(defaultValue = "20") int limit,
            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        checkDate("asOf", asOf);
        return entityPage(name, COMPANY, "company", "funders", offset, limit, asOf, QueryController::pair,
                (company, page) -> new Answers.Funders(company, asOf, page.items, page.page));
    }

    @GetMapping("/companies/{name}/investments")
    @Operation(summary = "Whom this company funds", description = "Same shape as funders, per investee.")
    Answers.Investments investments(
            @Parameter(description = "company name or alias, any case", example = "Amazon") @PathVariable String name,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") int offset,
            @Parameter(example = "20") @RequestParam(defaultValue = "20") int limit,
            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        checkDate("asOf", asOf);
        return entityPage(name, COMPANY, "company", "investments", offset, limit, asOf, QueryController::pair,
                (company, page) -> new Answers.Investments(company, asOf, page.items, page.page));
    }

    @GetMapping("/companies/{name}/commitments")
    @Operation(summary = "Spend committed and received",
            description = "Spend this company committed as a customer, and spend committed to it or to a cloud it operates. "
                    + "A cloud's name works too.")
    Answers.Commitments commitments(
            @Parameter(description = "company or cloud name or alias, any case", example = "Amazon") @PathVariable String name,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") int offset,
            @Parameter(example = "20") @RequestParam(defaultValue = "20") int limit) {
        return entityPage(name, COMPANY_OR_CLOUD, "company or cloud", "commitments", offset, limit, null, Function.identity(),
                QueryController::commitments);
    }

    private static Answers.Commitments commitments(Answers.EntityRef entity, Paged<Record> page) {
        List<Answers.Commitment> committed = new ArrayList<>();
        List<Answers.Commitment> received = new ArrayList<>();
        for (Record r : page.items) {
            Answers.Commitment c = new Answers.Commitment(ref(r.get("customer")), ref(r.get("provider")),
                    num(r.get("totalUsd")), count(r.get("dealCount")), count(r.get("undisclosed")),
                    str(r.get("firstDate")), str(r.get("lastDate")), list(r.get("deals"), Values::deal));
            ("customer".equals(r.get("role").asString()) ? committed : received).add(c);
        }
        return new Answers.Commitments(entity, committed, received, page.page);
    }

    @GetMapping("/timeline")
    @Operation(summary = "Deals in date order",
            description = "An entity's deals, oldest first, with amount, qualifier, status, tranche structure, the running "
                    + "total of each pair and the sources. Undated deals are listed apart, never given a guessed date. "
                    + "A deal is inside from..to when its period overlaps it (a deal dated 2024 is inside from=2024-06-01).")
    Answers.Timeline timeline(
            @Parameter(description = "company or cloud name or alias", example = "Anthropic") @RequestParam String entity,
            @Parameter(description = "only deals with this party", example = "Amazon") @RequestParam(required = false) String counterparty,
            @Parameter(description = "YYYY-MM-DD", example = "2023-01-01") @RequestParam(required = false) String from,
            @Parameter(description = "YYYY-MM-DD", example = "2026-12-31") @RequestParam(required = false) String to,
            @Parameter(description = "INVESTS_IN or COMMITS_SPEND_TO") @RequestParam(required = false) String type,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") int offset,
            @Parameter(example = "50") @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        checkDate("from", from);
        checkDate("to", to);
        checkDate("asOf", asOf);
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw ApiProblems.badParameter("from (" + from + ") is after to (" + to + ").");
        }
        if (type != null && !type.equals(RelType.INVESTS_IN.name()) && !type.equals(RelType.COMMITS_SPEND_TO.name())) {
            throw ApiProblems.badParameter("type must be INVESTS_IN or COMMITS_SPEND_TO, not '" + type + "'.");
        }
        checkPage(offset, limit);
        return graph.read(reads -> {
            Answers.EntityRef subject = entities.resolve(reads, entity, COMPANY_OR_CLOUD, "company or cloud");
            Answers.EntityRef other = counterparty == null ? null : entities.resolve(reads, counterparty, ANY, "entity");
            return timeline(reads, subject, other, from, to, type, asOf, offset, limit);
        });
    }

    private static Answers.Timeline timeline(GraphReader.Reads reads, Answers.EntityRef subject, Answers.EntityRef other,
            String from, String to, String type, String asOf, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", subject.id());
        params.put("counterparty", other == null ? null : other.id());
        params.put("from", from);
        params.put("to", to);
        params.put("type", type);
        params.put("asOf", asOf);
        params.put("offset", offset);
        params.put("limit", limit + 1);
        List<Record> rows = reads.run("timeline", params);
        List<Answers.TimelineEntry> dated = new ArrayList<>();
        List<Answers.TimelineEntry> undated = new ArrayList<>();
        for (Record r : rows.subList(0, Math.min(limit, rows.size()))) {
            Answers.TimelineEntry e = new Answers.TimelineEntry(Values.deal(r.get("deal")), ref(r.get("source")),
                    ref(r.get("target")), str(r.get("trancheOf")), strings(r.get("tranches")), num(r.get("cumulativeUsd")),
                    list(r.get("sources"), QueryController::source));
            (e.deal().date() == null ? undated : dated).add(e);
        }
        return new Answers.Timeline(subject, other, from, to, type, asOf, dated, undated,
                new Answers.Page(offset, limit, rows.size() > limit));
    }

    @GetMapping("/deals/{id}")
    @Operation(summary = "One deal with all its claims and sources")
    Answers.DealDetail deal(@Parameter(description = "a deal id from another answer", example = "deal-5c0f2e9a8b17d4e3a6c2f190") @PathVariable String id,
                            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        checkDate("asOf", asOf);
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("asOf", asOf);
        List<Record> rows = graph.run("deal", params);
        if (rows.isEmpty() && asOf != null) {
            params.put("asOf", null);
        }
        if (rows.isEmpty() && asOf != null && !graph.run("deal", params).isEmpty()) {
            throw ApiProblems.notFound("Not reported yet", "No source published up to " + asOf + " reported deal '" + id + "'.");
        }
        if (rows.isEmpty()) {
            throw ApiProblems.notFound("Unknown deal", "No deal has the id '" + id + "'.");
        }
        Record r = rows.get(0);
        Value deal = r.get("deal");
        return new Answers.DealDetail(Values.deal(deal), asOf, str(deal.get("firstReported")), ref(r.get("source")), ref(r.get("target")),
                str(r.get("trancheOf")), strings(r.get("tranches")), list(r.get("claims"), QueryController::claim),
                list(r.get("readings"), v -> new Answers.Reading(str(v.get("since")), str(v.get("label")), num(v.get("amount")),
                        str(v.get("currency")), num(v.get("amountUsd")), str(v.get("qualifier")), str(v.get("date")),
                        str(v.get("status")), Values.bool(v.get("disputed")))));
    }

    @GetMapping("/circular")
    @Operation(summary = "Circular flows",
            description = "An investor's money returning to it: the investor funds a company (directly or through up to "
                    + "maxLength - 1 INVESTS_IN hops) that commits spend to a cloud the investor operates, or to the investor, "
                    + "or uses a chip it makes. Each leg comes with its amounts. Shortest cycles first, then the largest "
                    + "amount that can have gone all the way round.")
    Answers.Circular circular(
            @Parameter(description = "longest cycle, in money legs (2 up to the configured dealgraph.query.circular-max-length)",
                    example = "4") @RequestParam(required = false) Integer maxLength,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") int offset,
            @Parameter(example = "50") @RequestParam(defaultValue = "50") int limit) {
        int length = maxLength == null ? settings.circularMaxLength() : maxLength;
        if (length < 2 || length > settings.circularMaxLength()) {
            throw ApiProblems.badParameter("maxLength must be between 2 and " + settings.circularMaxLength() + ", not " + length + ".");
        }
        checkPage(offset, limit);
        List<Record> rows = graph.run("circular", Map.of("maxLength", length, "offset", offset, "limit", limit + 1));
        List<Answers.Cycle> cycles = rows.stream().limit(limit).map(r -> new Answers.Cycle(ref(r.get("investor")),
                ref(r.get("investee")), ref(r.get("via")), str(r.get("closing")), r.get("length").asInt(),
                num(r.get("circularUsd")), list(r.get("legs"), QueryController::leg))).toList();
        return new Answers.Circular(length, cycles, new Answers.Page(offset, limit, rows.size() > limit));
    }

    @GetMapping("/paths")
    @Operation(summary = "How money connects two entities",
            description = "The shortest chains of INVESTS_IN, COMMITS_SPEND_TO, OPERATES, MAKES and USES edges between two "
                    + "entities, followed in either direction; each edge says which way it points.")
    Answers.Paths paths(
            @Parameter(description = "name or alias", example = "Microsoft") @RequestParam String from,
            @Parameter(description = "name or alias", example = "AWS") @RequestParam String to,
            @Parameter(description = "1 to 6", example = "4") @RequestParam(defaultValue = "4") int maxHops,
            @Parameter(example = "10") @RequestParam(defaultValue = "10") int limit) {
        if (maxHops < 1 || maxHops > MAX_HOPS) {
            throw ApiProblems.badParameter("maxHops must be between 1 and " + MAX_HOPS + ", not " + maxHops + ".");
        }
        checkPage(0, limit);
        return graph.read(reads -> {
            Answers.EntityRef a = entities.resolve(reads, from, ANY, "entity");
            Answers.EntityRef b = entities.resolve(reads, to, ANY, "entity");
            List<Record> rows = reads.run("paths", Map.of("from", a.id(), "to", b.id(), "maxHops", maxHops, "limit", limit));
            List<Answers.MoneyPath> paths = rows.stream().map(r -> new Answers.MoneyPath(r.get("hops").asInt(),
                    list(r.get("nodes"), Values::ref), list(r.get("edges"), QueryController::edge))).toList();
            return new Answers.Paths(a, b, maxHops, paths);
        });
    }

    @GetMapping("/stats")
    @Operation(summary = "How big the graph is", description = "Nodes per label, relationships per type, documents ingested, last ingest time.")
    Answers.Stats stats() {
        Record r = graph.run("stats", Map.of()).get(0);
        return new Answers.Stats(counts(r.get("labels")), counts(r.get("relationships")), r.get("documents").asLong(),
                str(r.get("lastIngest")));
    }

    // ---- mapping and checks

    private record Paged<T>(List<T> items, Answers.Page page) {
    }

    /**
     * The per-entity endpoints: check the page, then in one read transaction resolve the name and read one page of
     * {@code cypher/queries/FILE.cypher} for it.
     */
    private <T, A> A entityPage(String name, List<String> types, String role, String file, int offset, int limit,
            String asOf, Function<Record, T> row, BiFunction<Answers.EntityRef, Paged<T>, A> answer) {
        checkPage(offset, limit);
        return graph.read(reads -> {
            Answers.EntityRef entity = entities.resolve(reads, name, types, role);
            return answer.apply(entity, paged(reads, file, entity.id(), offset, limit, asOf, row));
        });
    }

    /** One page of a per-entity file, as of a day or (asOf null) with everything known. */
    private static <T> Paged<T> paged(GraphReader.Reads reads, String file, String id, int offset, int limit,
            String asOf, Function<Record, T> map) {
        Map<String, Object> params = new HashMap<>(Map.of("id", id, "offset", offset, "limit", limit + 1));
        params.put("asOf", asOf); // files without as-of answers ignore it
        List<Record> rows = reads.run(file, params);
        List<T> items = rows.stream().limit(limit).map(map).toList();
        return new Paged<>(items, new Answers.Page(offset, limit, rows.size() > limit));
    }

    private static Answers.Pair pair(Record r) {
        return new Answers.Pair(new Answers.EntityRef(str(r.get("id")), str(r.get("name")), str(r.get("type"))),
                num(r.get("totalUsd")), count(r.get("dealCount")), count(r.get("undisclosed")),
                str(r.get("firstDate")), str(r.get("lastDate")), list(r.get("deals"), Values::deal));
    }

    private static Answers.Source source(Value v) {
        return new Answers.Source(str(v.get("claim")), str(v.get("document")), str(v.get("url")), str(v.get("title")),
                str(v.get("published")), str(v.get("evidence")));
    }

    private static Answers.Claim claim(Value v) {
        Value d = v.get("document");
        Answers.DocumentRef doc = d.isNull() ? null : new Answers.DocumentRef(str(d.get("id")), str(d.get("url")),
                str(d.get("title")), str(d.get("published")), str(d.get("name")));
        return new Answers.Claim(str(v.get("id")), num(v.get("amount")), str(v.get("currency")), num(v.get("amountUsd")),
                str(v.get("qualifier")), str(v.get("date")), str(v.get("status")), integer(v.get("years")),
                v.get("cumulative").isNull() ? null : v.get("cumulative").asBoolean(), num(v.get("trancheOfUsd")),
                str(v.get("evidence")), integer(v.get("start")), integer(v.get("end")), str(v.get("published")), doc,
                str(v.get("investor")), str(v.get("role")), str(v.get("series")), num(v.get("roundAmount")),
                str(v.get("roundCurrency")), num(v.get("roundUsd")));
    }

    private static Answers.Leg leg(Value v) {
        return new Answers.Leg(ref(v.get("from")), ref(v.get("to")), str(v.get("type")), num(v.get("totalUsd")),
                v.get("deals").isNull() ? null : v.get("deals").asLong(),
                v.get("undisclosed").isNull() ? null : v.get("undisclosed").asLong(),
                str(v.get("firstDate")), str(v.get("lastDate")));
    }

    private static Answers.Edge edge(Value v) {
        return new Answers.Edge(str(v.get("from")), str(v.get("to")), str(v.get("type")), num(v.get("totalUsd")),
                v.get("deals").isNull() ? null : v.get("deals").asLong(),
                v.get("undisclosed").isNull() ? null : v.get("undisclosed").asLong(),
                str(v.get("firstDate")), str(v.get("lastDate")));
    }

    private static Map<String, Long> counts(Value v) {
        Map<String, Long> out = new LinkedHashMap<>();
        v.keys().forEach(k -> out.put(k, v.get(k).asLong()));
        return out;
    }

    static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw ApiProblems.badParameter("offset must be 0 or more, not " + offset + ".");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblems.badParameter("limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
        }
    }

    private static void checkDate(String name, String value) {
        if (value == null) {
            return;
        }
        try {
            if (!DATE.matcher(value).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            }
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblems.badParameter(name + " must be a date as YYYY-MM-DD, not '" + value + "'.");
        }
    }
}
