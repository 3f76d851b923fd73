package io.dealgraph.schema;

/** The database's schema history does not agree with the migrations the application ships. */
public class SchemaMismatchException extends RuntimeException {

    SchemaMismatchException(String message) {
        super(message);
    }
}
