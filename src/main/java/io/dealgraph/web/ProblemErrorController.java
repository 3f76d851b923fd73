package io.dealgraph.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (the container refused the request, a filter failed) come here; they are
 * answered as problem JSON like every other error, without the exception's message or trace. Spring Boot's own
 * error page would answer a direct visit to {@code /error} with 500 and a status of 999; that is a 404 here.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:/error}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, "*/*"})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c) : null;
        ProblemDetail problem;
        if (status == null) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is nothing at this address.");
        } else if (status.is5xxServerError()) {
            problem = ProblemDetail.forStatusAndDetail(status, "The server could not answer this request; its log says why.");
        } else {
            problem = ProblemDetail.forStatus(status);
            problem.setDetail(status.getReasonPhrase() + ".");
        }
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            try {
                problem.setInstance(URI.create(uri));
            } catch (IllegalArgumentException notAUri) {
                // A request line the container let through but java.net.URI will not parse: leave the instance out.
            }
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
