package io.dealgraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The index page's injected script, as text; BrowserConnectsTest checks what it does in a real browser. */
class BrowserIndexControllerTest {

    private final String page = body();

    private static String body() {
        try {
            return new BrowserIndexController(new ObjectMapper()).index().getBody();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void scriptRunsBeforeTheBrowserApp() {
        int script = page.indexOf("neo4j.settings");
        assertThat(script).isPositive();
        assertThat(script).isLessThan(page.indexOf(".js\""));
    }

    @Test
    void telemetryOffAlsoDismissesTheUsageBanner() {
        assertThat(page).contains("s.allowUserStats=false", "s.allowCrashReports=false",
                "'neo4j.udc'", "u.consentBannerShownCount=6");
    }

    @Test
    void graphStyleIsInstalledWithWholeCaptions() {
        assertThat(page).contains("\"node.Company\":{", "\"caption\":\"{name}\"").doesNotContain("'{name");
    }
}
