package io.dealgraph.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Problem JSON (RFC 9457) for the answers given before a request reaches Spring MVC, where its own problem
 * handling cannot help: a missing or wrong token, a path the firewall turns away.
 */
@Component
class ProblemResponses {

    private final ObjectMapper json = new ObjectMapper();

    void unauthorized(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(response, 401, "Unauthorized",
                "This server requires an API token: send 'Authorization: Bearer <token>'.");
    }

    void rejectedPath(HttpServletResponse response) throws IOException {
        write(response, 400, "Bad Request",
                "The request path is not in normal form (it holds ';', an encoded '.', '//' or similar); "
                        + "send the plain path, e.g. /api/stats.");
    }

    private void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
