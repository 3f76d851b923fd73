package io.dealgraph.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the Browser's index page with a small script in front of the app: before the Browser reads its settings
 * from localStorage, it turns usage statistics and crash reports off (unless the user already chose) and installs
 * dealgraph's graph style (unless the user already has one). This machine may have no internet at all, and a
 * user who wants telemetry can switch it back on in the Browser's settings.
 *
 * <p>Turning the settings off does not hide the Browser's "we collect information on product usage" banner: the
 * Browser 5.24 shows it whenever the server allows client telemetry (Community always does) and it has been shown
 * at most 5 times, whatever {@code allowUserStats} says. Its close button stores
 * {@code neo4j.udc.consentBannerShownCount = 6}; the script does the same when it switches telemetry off.
 */
@RestController
class BrowserIndexController {

    private final String page;

    BrowserIndexController(ObjectMapper mapper) throws IOException {
        String index = read("browser/index.html");
        String grass = mapper.writeValueAsString(GrassStyle.parse(read("cypher/dealgraph.grass"), mapper))
                .replace("<", "\\u003c");
        String script = """
                <script>(function(){try{
                var k='neo4j.settings',s=JSON.parse(localStorage.getItem(k)||'{}')||{};
                if(!('allowUserStats' in s)){s.allowUserStats=false;s.allowCrashReports=false;localStorage.setItem(k,JSON.stringify(s));
                var u=JSON.parse(localStorage.getItem('neo4j.udc')||'{}')||{};if(!(u.consentBannerShownCount>5)){u.consentBannerShownCount=6;localStorage.setItem('neo4j.udc',JSON.stringify(u));}}
                if(localStorage.getItem('neo4j.grass')===null){localStorage.setItem('neo4j.grass',JSON.stringify(%s));}
                }catch(e){}})();</script>""".formatted(grass);
        this.page = index.replaceFirst("<head>", "<head>" + java.util.regex.Matcher.quoteReplacement(script));
    }

    @GetMapping(path = {"/browser/", "/browser/index.html"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> index() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(page);
    }

    private static String read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
