package io.dealgraph.query;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code POST /api/cypher} takes a query of at most {@value CypherConsole#MAX_QUERY_CHARS} characters and its
 * parameters; a body of tens of megabytes is a mistake or an attack, and Jackson would build all of it in memory
 * before the console could say no. The body is read up to the limit here (declared length or not) and refused
 * with 413 past it.
 */
@Component
class CypherBodyLimit extends OncePerRequestFilter {

    private final int maxBytes;

    CypherBodyLimit(@Value("${dealgraph.query.cypher-max-body:256KB}") DataSize maxBody) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, maxBody.toBytes());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !("POST".equals(request.getMethod()) && path.startsWith("/api/cypher"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBytes + 1);
        }
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // Close the connection: the rest of the body is not read.
        response.setHeader("Connection", "close");
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Query too large\",\"status\":413,"
                + "\"detail\":\"The request body is larger than " + maxBytes + " bytes (dealgraph.query.cypher-max-body); "
                + "send the query with its parameters, not data.\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body already read into memory, bounded. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
