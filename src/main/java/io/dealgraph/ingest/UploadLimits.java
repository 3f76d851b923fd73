package io.dealgraph.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload past one of the container's limits fails while Spring reads it, before the controller runs. Tomcat's
 * limit on the number of parts and its limit on their size both surface as one exception, reported by Spring as
 * "maximum upload size exceeded"; this tells the caller which limit it was and which setting moves it.
 */
// Global, not bound to DocumentController: the body is parsed before a handler is chosen. Ordered before Spring's
// own problem-details advice, which answers every MultipartException the same way.
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

    private final String maxFiles;
    private final String maxSize;

    UploadLimits(@Value("${server.tomcat.max-part-count:50}") String maxFiles,
                 @Value("${spring.servlet.multipart.max-request-size:}") String maxSize) {
        this.maxFiles = maxFiles;
        this.maxSize = maxSize;
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> refused(MultipartException e) {
        ProblemDetail problem;
        if (tooManyParts(e)) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The upload holds more than "
                    + maxFiles + " parts (files); send the rest in another request, or raise DEALGRAPH_MAX_UPLOAD_FILES. "
                    + "Nothing was ingested.");
            problem.setTitle("Too many files");
        } else if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The upload is larger than "
                    + maxSize + " in all (DEALGRAPH_MAX_UPLOAD_SIZE); send it in parts. Nothing was ingested.");
            problem.setTitle("Upload too large");
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The multipart body could not be read; send each document as a part named 'file'. Nothing was ingested.");
            problem.setTitle("Unreadable upload");
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Tomcat says so only in the type of the exception at the bottom of the chain (FileCountLimitExceededException). */
    static boolean tooManyParts(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().contains("FileCountLimit")) {
                return true;
            }
        }
        return false;
    }
}
