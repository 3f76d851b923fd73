package io.dealgraph.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The JSON answers of the query API. Amounts are US dollars where the name says Usd; dates keep their precision. */
final class Answers {

    private Answers() {
    }

    @Schema(description = "An entity named in an answer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntityRef(@Schema(example = "amazon") String id, @Schema(example = "Amazon") String name,
                     @Schema(example = "Company", allowableValues = {"Company", "Cloud", "Chip"}) String type) {
    }

    @Schema(description = "Where a list stands: ask again with offset + limit while hasMore is true")
    record Page(int offset, int limit, boolean hasMore) {
    }

    @Schema(description = "An entity found by name or alias")
    record EntityMatch(@Schema(example = "anthropic") String id, @Schema(example = "Anthropic") String name,
                       @Schema(example = "Company") String type, List<String> aliases,
                       @Schema(description = "who operates this cloud or makes this chip", example = "[\"Amazon\"]") List<String> owners,
                       @Schema(description = "full-text relevance") double score) {
    }

    record EntitySearch(String q, List<EntityMatch> entities, Page page) {
    }

    @Schema(description = "One deal; its tranches nested under it")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Deal(@Schema(example = "deal-5c0f2e9a8b17d4e3a6c2f190") String id,
                @Schema(example = "INVESTS_IN", allowableValues = {"INVESTS_IN", "COMMITS_SPEND_TO"}) String type,
                @Schema(example = "2024-11-22", description = "YYYY, YYYY-MM or YYYY-MM-DD; absent when nothing dates it") String date,
                @Schema(example = "4000000000") Number amount, @Schema(example = "USD") String currency,
                @Schema(example = "4000000000") Number amountUsd,
                @Schema(example = "exact", allowableValues = {"exact", "up_to", "at_least", "about", "unknown"}) String qualifier,
                @Schema(example = "announced", allowableValues = {"completed", "announced", "planned", "reported"}) String status,
                Integer years, @Schema(example = "$4B 2024-11-22") String label,
                @Schema(description = "true when its sources give figures or dates that cannot be one event") Boolean disputed,
                @Schema(description = "what the other sources say, when they disagree", example = "[\"up to $25B (2 sources)\"]") List<String> alternatives,
                List<Deal> tranches,
                @Schema(description = "for a funding round: the round itself; the deal's amount is then the investor's own share, "
                        + "absent when no source gives it (the round's size is never one investor's money)") Round round) {
    }

    @Schema(description = "A funding round: its size, series, the investor's role in it, and (in timelines) all its investors")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Round(@Schema(example = "40000000") Number amount, @Schema(example = "EUR") String currency, Number amountUsd,
                 @Schema(example = "Series A") String series,
                 @Schema(example = "lead", allowableValues = {"lead", "participant"}) String role,
                 List<RoundInvestor> investors) {
    }

    @Schema(description = "One investor in a round: role and, when a source gives it, its own share")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoundInvestor(String id, String name, String role, Number amount, String currency, Number amountUsd) {
    }

    @Schema(description = "All deals between two parties, summarised by their direct edge")
    record Pair(EntityRef counterparty,
                @Schema(description = "sum of the figures of the pair's deals (tranches counted in their deal)", example = "13000000000") Number totalUsd,
                @Schema(description = "number of deals (tranches not counted)", example = "3") long dealCount,
                @Schema(description = "deals with no figure, not in totalUsd", example = "0") long undisclosed,
                @Schema(example = "2023-09") String firstDate, @Schema(example = "2026-04-20") String lastDate,
                @Schema(description = "dated deals in date order, then undated ones") List<Deal> deals) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Funders(EntityRef company, @Schema(description = "the day the answer is as of, when one was asked for") String asOf,
                   List<Pair> funders, Page page) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Investments(EntityRef company, @Schema(description = "the day the answer is as of, when one was asked for") String asOf,
                       List<Pair> investments, Page page) {
    }

    @Schema(description = "Spend one customer committed to one provider (a cloud, or a company)")
    record Commitment(EntityRef customer, EntityRef provider, Number totalUsd, long dealCount, long undisclosed,
                      String firstDate, String lastDate, List<Deal> deals) {
    }

    record Commitments(EntityRef entity,
                       @Schema(description = "spend this entity committed, as a customer") List<Commitment> committed,
                       @Schema(description = "spend committed to this entity or a cloud it operates, as provider") List<Commitment> received,
                       @Schema(description = "pages over committed then received, in that order") Page page) {
    }

    @Schema(description = "Where a fact was read")
    record Source(@Schema(example = "c7") String claim, String document,
                  @Schema(example = "https://example.com/tech/amazon-4b-anthropic") String url,
                  @Schema(example = "Amazon invests another $4 billion in Anthropic") String title, String published,
                  @Schema(example = "Amazon just announced an additional $4 billion investment in Anthropic.") String evidence) {
    }

    @Schema(description = "A deal on a timeline")
    record TimelineEntry(Deal deal, EntityRef from, EntityRef to,
                         @Schema(description = "the deal this one is a tranche of") String trancheOf,
                         @Schema(description = "this deal's tranches") List<String> tranches,
                         @Schema(description = "running total of the pair (from -> to, this type) after this deal; null when undated") Number cumulativeUsd,
                         List<Source> sources) {
    }

    record Timeline(EntityRef entity, EntityRef counterparty, String from, String to, String type,
                    @Schema(description = "the day the answer is as of, or null for everything known") String asOf,
                    @Schema(description = "dated deals, oldest first") List<TimelineEntry> deals,
                    @Schema(description = "deals no source dates, listed apart") List<TimelineEntry> undated, Page page) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DocumentRef(String id, String url, String title, String published, String name) {
    }

    @Schema(description = "What one document said about a deal")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Claim(String id, Number amount, String currency, Number amountUsd, String qualifier, String date,
                 String status, Integer years, Boolean cumulative, Number trancheOfUsd, String evidence,
                 Integer start, Integer end,
                 @Schema(description = "when its source was published (else when it was ingested)", example = "2024-11-22") String published,
                 DocumentRef document,
                 @Schema(description = "for a claim about a round: the investor it names, its role, the round as this source gives it")
                 String investor, String role, String series, Number roundAmount, String roundCurrency, Number roundUsd) {
    }

    @Schema(description = "What a deal's sources had said by a day: one per day a source changed it, oldest first")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reading(@Schema(example = "2024-11-22") String since, @Schema(example = "$4B 2024-11-22") String label,
                   Number amount, String currency, Number amountUsd, String qualifier, String date, String status,
                   Boolean disputed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DealDetail(Deal deal, @Schema(description = "the day the answer is as of, when one was asked for") String asOf,
                      @Schema(description = "the day the first source about it was published", example = "2024-11-22") String firstReported,
                      EntityRef from, EntityRef to, String trancheOf, List<String> tranches, List<Claim> claims,
                      List<Reading> readings) {
    }

    @Schema(description = "One leg of a cycle, with the totals of its direct edge")
    record Leg(EntityRef from, EntityRef to, @Schema(example = "INVESTS_IN") String type, Number totalUsd,
               Long deals, Long undisclosed, String firstDate, String lastDate) {
    }

    @Schema(description = "Money leaving an investor and coming back to it")
    record Cycle(@Schema(description = "whose money goes round") EntityRef investor,
                 @Schema(description = "the company that spends it back") EntityRef investee,
                 @Schema(description = "the investor's cloud or chip the money comes back through; absent when spend goes to the investor itself") EntityRef via,
                 @Schema(description = "OPERATES or MAKES: how the investor owns 'via'") String closing,
                 @Schema(description = "money legs", example = "2") int length,
                 @Schema(description = "the smallest leg total: what can have gone all the way round", example = "13000000000") Number circularUsd,
                 List<Leg> legs) {
    }

    record Circular(int maxLength, List<Cycle> cycles, Page page) {
    }

    record Edge(String from, String to, String type, Number totalUsd, Long deals, Long undisclosed, String firstDate,
                String lastDate) {
    }

    record MoneyPath(int hops, List<EntityRef> nodes, List<Edge> edges) {
    }

    record Paths(EntityRef from, EntityRef to, int maxHops, List<MoneyPath> paths) {
    }

    record Stats(Map<String, Long> labels, Map<String, Long> relationships, long documents,
                 @Schema(description = "when the most recently ingested document was stored") String lastIngest) {
    }
}
