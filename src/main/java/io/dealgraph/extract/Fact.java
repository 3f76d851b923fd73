package io.dealgraph.extract;

/**
 * One extracted fact with its provenance: the public, stable shape of the JSON-lines facts format.
 * Amounts are whole currency units; {@code amount_usd} is filled only when the text gives dollars.
 * {@code start}/{@code end} are offsets of {@code evidence} in {@link Document#text()}.
 */
public record Fact(String doc, FactType type, String from, String fromType, String to, String toType,
                   Long amount, String currency, Long amountUsd, String qualifier, boolean cumulative,
                   Long trancheOfUsd, String date, Integer years, String status,
                   String evidence, int start, int end, Round round) {

    /**
     * The funding round a fact's investor took part in: an id shared by the facts of one round in one document, the
     * round's size as stated and in dollars where the text gives them, its series and the investor's role in it. The
     * round's size is never the investor's amount; {@link Fact#amount()} is the investor's own share, when known.
     */
    public record Round(String id, Long amount, String currency, Long usd, String series, String role) {
    }

    public Fact(String doc, FactType type, String from, String fromType, String to, String toType,
                Long amount, String currency, Long amountUsd, String qualifier, boolean cumulative,
                Long trancheOfUsd, String date, Integer years, String status, String evidence, int start, int end) {
        this(doc, type, from, fromType, to, toType, amount, currency, amountUsd, qualifier, cumulative, trancheOfUsd, date,
                years, status, evidence, start, end, null);
    }

    public Fact withDoc(String newDoc) {
        return new Fact(newDoc, type, from, fromType, to, toType, amount, currency, amountUsd, qualifier, cumulative,
                trancheOfUsd, date, years, status, evidence, start, end, round);
    }

    /**
     * Same type and parties, by the names the text gives them: the key a merge or a de-duplication groups by. (Not the
     * graph's pair key, graph/Keys.pair, which is made of node ids once the names are resolved.)
     */
    public String partiesKey() {
        return type + "|" + from + "|" + to;
    }
}
