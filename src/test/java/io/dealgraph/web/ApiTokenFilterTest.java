package io.dealgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ApiTokenFilterTest {

    MockHttpServletResponse call(ApiTokenFilter filter, String path, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(200); // reached the application
        }
        return response;
    }

    @Test
    void withATokenTheApiRequiresIt() throws Exception {
        ApiTokenFilter filter = new ApiTokenFilter("s3cret");
        MockHttpServletResponse refused = call(filter, "/api/stats", null);
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":401").contains("Authorization: Bearer");
        assertThat(call(filter, "/api/stats", "Bearer wrong").getStatus()).isEqualTo(401);
        assertThat(call(filter, "/api/stats", "Bearer s3cret").getStatus()).isEqualTo(200);
        assertThat(call(filter, "/actuator/info", null).getStatus()).isEqualTo(401);
    }

    @Test
    void healthProbesAndTheBrowserStayOpenAndNoTokenMeansNoCheck() throws Exception {
        ApiTokenFilter filter = new ApiTokenFilter("s3cret");
        assertThat(call(filter, "/actuator/health", null).getStatus()).isEqualTo(200);
        assertThat(call(filter, "/browser/", null).getStatus()).isEqualTo(200);
        assertThat(call(new ApiTokenFilter(""), "/api/stats", null).getStatus()).isEqualTo(200);
    }
}
