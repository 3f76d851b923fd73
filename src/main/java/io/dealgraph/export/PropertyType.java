package io.dealgraph.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.neo4j.driver.types.IsoDuration;

/**
 * The kinds of property value Neo4j stores, as formats with typed columns or keys need to name them. A column
 * that meets two kinds becomes {@link #widen widened}: long and double to double, anything else to string.
 */
enum PropertyType {
    STRING("string"), LONG("long"), DOUBLE("double"), BOOLEAN("boolean"), DATE("date"), DATETIME("datetime"),
    LOCALDATETIME("localdatetime"), TIME("time"), LOCALTIME("localtime"), DURATION("duration"), OTHER("string");

    /** The name neo4j-admin import uses in a header ({@code amountUsd:long}). */
    final String importName;

    PropertyType(String importName) {
        this.importName = importName;
    }

    static PropertyType of(Object v) {
        if (v instanceof String) {
            return STRING;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return LONG;
        }
        if (v instanceof Double || v instanceof Float) {
            return DOUBLE;
        }
        if (v instanceof Boolean) {
            return BOOLEAN;
        }
        if (v instanceof LocalDate) {
            return DATE;
        }
        if (v instanceof ZonedDateTime || v instanceof OffsetDateTime) {
            return DATETIME;
        }
        if (v instanceof LocalDateTime) {
            return LOCALDATETIME;
        }
        if (v instanceof OffsetTime) {
            return TIME;
        }
        if (v instanceof LocalTime) {
            return LOCALTIME;
        }
        if (v instanceof IsoDuration) {
            return DURATION;
        }
        return OTHER;
    }

    /** The common type of two kinds a column has seen; null means "none seen yet". */
    static PropertyType widen(PropertyType seen, PropertyType next) {
        if (seen == null || seen == next) {
            return next;
        }
        if ((seen == LONG && next == DOUBLE) || (seen == DOUBLE && next == LONG)) {
            return DOUBLE;
        }
        return STRING;
    }

    /** One column's type: scalar or list, and the element kind; widening a list with a scalar gives a string. */
    static final class Tally {
        PropertyType type;
        boolean list;
        boolean scalar;

        void add(Object v) {
            if (v instanceof List<?> l) {
                list = true;
                for (Object x : l) {
                    type = widen(type, of(x));
                }
            } else {
                scalar = true;
                type = widen(type, of(v));
            }
        }

        PropertyType type() {
            return type == null || (list && scalar) ? STRING : type;
        }

        boolean isList() {
            return list && !scalar;
        }
    }
}
