package io.dealgraph.browser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the Browser to this host and its Bolt connection. With telemetry switched off, Neo4j Browser 5.24 still
 * loads analytics and feedback scripts (Segment, Canny), samples performance traces to Sentry and fetches Google
 * Fonts. A user exploring their own graph on their own machine should not send anything anywhere, and many of our
 * users run with no internet at all, where each of these fails noisily. Bolt goes over WebSocket ({@code ws:},
 * {@code wss:}) to wherever the user connects; the fonts fall back to the page's own.
 */
@Component
class BrowserContentPolicy extends OncePerRequestFilter {

    static final String POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self' ws: wss:",
            "worker-src 'self' blob:",
            "frame-src 'none'",
            "object-src 'none'");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/browser");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        chain.doFilter(request, response);
    }
}
