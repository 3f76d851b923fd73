package io.dealgraph.web;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The one place that decides who may call what. Spring Security takes the decision on the path the servlet
 * container has already decoded and normalised, the path Spring MVC routes with, so {@code /api;x=1/stats},
 * {@code /%61pi/stats} or {@code /browser/../api/stats} are judged as the request they really are; its firewall
 * turns away the shapes that have no honest use (matrix parameters, encoded dots, double slashes) before anything
 * else runs. Everything needs the token unless listed here as open: deny by default, so a path nobody thought of
 * is closed, not open.
 * <p>
 * With no token configured the server only ever listens on loopback ({@link ExposureCheck}) and every caller is the
 * machine's owner: {@link BearerTokenFilter} signs each request in as such, which also lets the actuator show its
 * health details to them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * Open with a token set: Neo4j Browser's files and its discovery document (Browser logs in to Bolt by itself),
     * the API's description and Swagger UI (they hold no data), and the health probe (status only, no details).
     */
    static final String[] OPEN_PATHS = {
            "/browser", "/browser/**", "/favicon.ico",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**",
            "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
    };

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, @Value("${dealgraph.security.api-token:}") String token,
                                    ProblemResponses problems) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: a bearer token cannot be forged cross-site
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // The application sets its own caching and framing headers (Browser's content policy, exports).
                .headers(h -> h.cacheControl(c -> c.disable()).frameOptions(f -> f.sameOrigin()))
                .addFilterBefore(new BearerTokenFilter(token, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> problems.unauthorized(response))
                        .accessDeniedHandler((request, response, denied) -> problems.unauthorized(response)))
                .authorizeHttpRequests(a -> a
                        // Error pages and forwards are rendered for a request that was already judged.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(HttpMethod.GET, "/").permitAll()
                        .requestMatchers(HttpMethod.GET, OPEN_PATHS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, OPEN_PATHS).permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    WebSecurityCustomizer pathFirewall(ProblemResponses problems) {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        // Company names may hold '/', '\' or '%', and /api/companies/{name}/... carries them percent-encoded
        // (see EncodedSlashes); Spring MVC decodes a path variable only after matching, so they cannot add a segment.
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowBackSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        return web -> web.httpFirewall(firewall)
                .requestRejectedHandler((request, response, rejected) -> problems.rejectedPath(response));
    }
}
