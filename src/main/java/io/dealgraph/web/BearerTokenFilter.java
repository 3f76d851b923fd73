package io.dealgraph.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in when it carries the configured API token ({@code Authorization: Bearer <token>}), and every
 * request when no token is configured (the server then listens on loopback only and its callers are the machine's
 * owner). A request with a wrong token is refused at once; one with none goes on anonymous, and
 * {@link SecurityConfiguration} decides whether its path is open.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    static final String TOKEN_HOLDER = "api-token";
    static final String LOCAL_OWNER = "local-owner";

    private final byte[] expected;
    private final ProblemResponses problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(String token, ProblemResponses problems) {
        this.expected = token == null || token.isBlank() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (expected == null) {
            signIn(LOCAL_OWNER);
        } else if (given != null) {
            // Constant-time comparison: the time taken says nothing about how much of a guess was right.
            if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                problems.unauthorized(response);
                return;
            }
            signIn(TOKEN_HOLDER);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private void signIn(String who) {
        Authentication caller = UsernamePasswordAuthenticationToken.authenticated(who, null, List.of());
        var context = contexts.createEmptyContext();
        context.setAuthentication(caller);
        contexts.setContext(context);
    }
}
