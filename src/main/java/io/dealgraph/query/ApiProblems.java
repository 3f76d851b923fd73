package io.dealgraph.query;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problem answers; Spring's problem-details handler writes them as application/problem+json. */
final class ApiProblems {

    private ApiProblems() {
    }

    static ErrorResponseException badRequest(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    static ErrorResponseException badParameter(String detail) {
        return badRequest("Bad parameter", detail);
    }

    /** 404 naming what was asked for, with the closest names the full-text index knows. */
    static ErrorResponseException unknownEntity(String name, String expected, List<String> suggestions) {
        String detail = "No " + expected + " is called '" + name + "'"
                + (suggestions.isEmpty() ? "." : ". Did you mean: " + String.join(", ", suggestions) + "?");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Unknown entity");
        problem.setType(URI.create("https://dealgraph.io/problems/unknown-entity"));
        problem.setProperty("name", name);
        problem.setProperty("suggestions", suggestions);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    static ErrorResponseException notFound(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
