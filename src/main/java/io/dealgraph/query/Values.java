package io.dealgraph.query;

import java.util.List;
import java.util.function.Function;
import org.neo4j.driver.Value;

/** Null-tolerant reads of driver values: absent properties come back as Cypher null and stay null here. */
final class Values {

    private Values() {
    }

    static String str(Value v) {
        return v == null || v.isNull() ? null : "STRING".equals(v.type().name()) ? v.asString() : v.asObject().toString();
    }

    /** Whole numbers stay whole (4000000000, not 4.0E9) in JSON. */
    static Number num(Value v) {
        return v == null || v.isNull() ? null : (Number) v.asObject();
    }

    static Integer integer(Value v) {
        return v == null || v.isNull() ? null : v.asInt();
    }

    static Boolean bool(Value v) {
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    static long count(Value v) {
        return v == null || v.isNull() ? 0 : v.asLong();
    }

    static List<String> strings(Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(Values::str);
    }

    static <T> List<T> list(Value v, Function<Value, T> each) {
        return v == null || v.isNull() ? List.of() : v.asList(each::apply);
    }

    static Answers.EntityRef ref(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return new Answers.EntityRef(str(v.get("id")), str(v.get("name")), str(v.get("type")));
    }

    static Answers.Deal deal(Value v) {
        Value r = v.get("round");
        Answers.Round round = r == null || r.isNull() ? null : new Answers.Round(num(r.get("amount")), str(r.get("currency")),
                num(r.get("amountUsd")), str(r.get("series")), str(r.get("role")),
                r.get("investors").isNull() ? null : list(r.get("investors"), x -> new Answers.RoundInvestor(str(x.get("id")),
                        str(x.get("name")), str(x.get("role")), num(x.get("amount")), str(x.get("currency")), num(x.get("amountUsd")))));
        return new Answers.Deal(str(v.get("id")), str(v.get("type")), str(v.get("date")), num(v.get("amount")),
                str(v.get("currency")), num(v.get("amountUsd")), str(v.get("qualifier")), str(v.get("status")),
                integer(v.get("years")), str(v.get("label")), bool(v.get("disputed")),
                v.get("alternatives").isNull() ? null : strings(v.get("alternatives")),
                v.get("tranches").isNull() ? null : list(v.get("tranches"), Values::deal), round);
    }
}
