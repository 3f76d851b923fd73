package io.dealgraph.export;

import org.springframework.http.HttpStatus;

/**
 * An export the user asked for that cannot be made, with a message meant for them: the REST API answers with a
 * problem document of {@link #status()}, the CLI prints the message and exits 1.
 */
public class ExportException extends RuntimeException {

    private final HttpStatus status;

    ExportException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static ExportException badRequest(String message) {
        return new ExportException(HttpStatus.BAD_REQUEST, message);
    }

    static ExportException notFound(String message) {
        return new ExportException(HttpStatus.NOT_FOUND, message);
    }

    static ExportException tooLarge(String message) {
        return new ExportException(HttpStatus.PAYLOAD_TOO_LARGE, message);
    }

    public HttpStatus status() {
        return status;
    }
}
