package io.dealgraph.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The facts JSON-lines format of shared/corpus/README.md, and an aligned table for people. */
public final class FactFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FactFormat() {
    }

    public static String jsonLine(Fact f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("doc", f.doc());
        o.put("type", f.type().name());
        o.put("from", f.from());
        o.put("from_type", f.fromType());
        o.put("to", f.to());
        o.put("to_type", f.toType());
        o.put("amount", f.amount());
        o.put("currency", f.currency());
        o.put("amount_usd", f.amountUsd());
        o.put("qualifier", f.qualifier());
        o.put("cumulative", f.cumulative());
        o.put("tranche_of_usd", f.trancheOfUsd());
        o.put("date", f.date());
        o.put("years", f.years());
        o.put("status", f.status());
        if (f.round() != null) {
            o.put("round", f.round().id());
            o.put("round_amount", f.round().amount());
            o.put("round_currency", f.round().currency());
            o.put("round_usd", f.round().usd());
            o.put("series", f.round().series());
            o.put("role", f.round().role());
        }
        o.put("evidence", f.evidence());
        o.put("start", f.start());
        o.put("end", f.end());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Columns padded to their widest cell; evidence cut to keep lines readable. */
    public static List<String> table(List<Fact> facts) {
        String[] head = {"DOC", "TYPE", "FROM", "TO", "AMOUNT", "QUAL", "DATE", "STATUS", "EVIDENCE"};
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (Fact f : facts) {
            String amount = f.amount() == null ? "-" : money(f.amount(), f.currency())
                    + (f.amountUsd() != null && !"USD".equals(f.currency()) ? " (" + money(f.amountUsd(), "USD") + ")" : "")
                    + (f.cumulative() ? " total" : "");
            String ev = f.evidence().length() > 70 ? f.evidence().substring(0, 67) + "..." : f.evidence();
            rows.add(new String[]{f.doc(), f.type().name(), f.from(), f.to(), amount, f.qualifier(),
                    f.date() == null ? "-" : f.date(), f.status(), ev});
        }
        int[] w = new int[head.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(i == r.length - 1 ? r[i] : String.format(Locale.ROOT, "%-" + w[i] + "s  ", r[i]));
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    static String money(long amount, String currency) {
        String sym = "USD".equals(currency) ? "$" : currency + " ";
        if (amount >= 1_000_000_000L) {
            return sym + trim(amount / 1e9) + "B";
        }
        if (amount >= 1_000_000L) {
            return sym + trim(amount / 1e6) + "M";
        }
        return sym + amount;
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("\\.?0+$", "");
    }
}
