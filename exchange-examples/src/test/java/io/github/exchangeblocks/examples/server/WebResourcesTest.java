package io.github.exchangeblocks.examples.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The page files' path rules: plain names of known types under web/, nothing else. */
class WebResourcesTest {
    private final WebResources web = new WebResources(WebResourcesTest.class.getClassLoader());

    @Test
    void shouldServeAFileWithItsTypeWhenThePathNamesOneOrIsTheRoot() {
        WebResources.Resource index = web.find("/");
        assertThat(index.contentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(new String(index.bytes(), StandardCharsets.UTF_8)).contains("<script type=\"module\" src=\"app.js\">");
        assertThat(web.find("/index.html")).isSameAs(index);
        assertThat(web.find("/app.js").contentType()).isEqualTo("text/javascript; charset=UTF-8");
        assertThat(web.find("/diff-client.js").contentType()).isEqualTo("text/javascript; charset=UTF-8");
        assertThat(web.find("/style.css").contentType()).isEqualTo("text/css; charset=UTF-8");
        assertThat(web.find("/vendor/lightweight-charts/lightweight-charts.standalone.production.js").bytes())
                .hasSizeGreaterThan(100_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/missing.html", "/vendor", "/vendor/", "/vendor/lightweight-charts/LICENSE", "/../pom.xml",
            "/vendor/../index.html", "/.hidden.js", "//index.html", "/index.html/", "/a\\b.js", "/app.js%00",
            "/exchange.sample.json", "/io/github/exchangeblocks/examples/server/HttpHandler.class", "index.html",
            "/web/index.html", "/%2e%2e/index.html", "/..%2findex.html"})
    void shouldFindNothingWhenThePathIsUnknownOrNotAPlainFileName(String path) {
        assertThat(web.find(path)).isNull();
    }

    @Test
    void shouldFindNothingWhenThePathIsTooLong() {
        assertThat(WebResources.contentType("/" + "a".repeat(300) + ".js")).isNull();
    }
}
