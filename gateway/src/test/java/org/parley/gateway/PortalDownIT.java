package org.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.parley.gateway.support.GatewayTestSupport;
import org.parley.gateway.support.StubServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The portal is down (nothing listens on its port): people get a page, API clients their API. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PortalDownIT extends GatewayTestSupport {

    private static final String UNAVAILABLE = "Parley's pages are unavailable right now";

    @DynamicPropertySource
    static void portalDown(DynamicPropertyRegistry registry) {
        registry.add("parley.gateway.portal.uri", () -> "http://127.0.0.1:" + StubServer.deadPort());
    }

    @Test
    void aPageWhileThePortalIsDownIsAPlainHtml503() {
        HttpResponse<String> response = send(request("/liaison").header("Accept", "text/html")
                .header("X-Correlation-Id", "corr-portal-down").GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html").contains("UTF-8"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.body())
                .startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"en\">")
                .contains("<main id=\"main\">")
                .contains("<h1>" + UNAVAILABLE + "</h1>")
                .contains("<code>/api</code>")
                .contains("corr-portal-down")
                .doesNotContain("problem", "Exception", "127.0.0.1");
        assertThat(response.body().split("<h1>", -1)).hasSize(2);
    }

    @Test
    void anOpenCircuitIsTheSamePageWithWhenToComeBack() {
        HttpResponse<String> last = null;
        for (int i = 0; i < 15; i++) {
            last = get("/transparency/requests");
            assertThat(last.statusCode()).isEqualTo(503);
        }

        assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(last.body()).contains(UNAVAILABLE).contains("10 seconds");
        assertThat(last.headers().firstValue("Retry-After")).hasValue("10");
    }

    @Test
    void aStreamWhileThePortalIsDownGetsThePageToo() {
        HttpResponse<String> response = send(request("/stream/inbox").header("Accept", "text/event-stream").GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains(UNAVAILABLE);
    }

    @Test
    void theApiKeepsAnsweringAndKeepsProblemJson() {
        HttpResponse<String> stakeholders = get("/api/v1/stakeholders");
        HttpResponse<String> appeals = get("/api/v1/transparency/appeals");

        assertThat(stakeholders.statusCode()).isEqualTo(200);
        assertThat(stakeholders.body()).contains("\"service\":\"stakeholder\"");
        assertThat(appeals.statusCode()).isEqualTo(503);
        assertThat(appeals.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }
}
