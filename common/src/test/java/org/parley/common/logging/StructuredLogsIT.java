package org.parley.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.kernel.Role;
import org.parley.common.testapp.CommonTestApplication;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.PostgresProperties;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.parley.common.testkit.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code json-logs} profile as a deployment runs it: one JSON object per line, and a line
 * written while a request is served names the service, the request's correlation id, its trace and
 * span, and the caller's token subject, and nothing of the token or the person behind it.
 */
@SpringBootTest(classes = CommonTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.profiles.active=json-logs", "parley.grpc.service-client-secret=common-test-secret"})
@Import(TestSecurityConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry, "logs");
    }

    @LocalServerPort
    int port;

    @Test
    void aLineWrittenDuringARequestCarriesItsFieldsAndNeverTheToken(CapturedOutput output) {
        String token = TestTokens.token("responder-logs", "01930000-0000-7000-8000-00000000c001", Role.COMPANY_RESPONDER);
        String subject = UUID.nameUUIDFromBytes("responder-logs".getBytes()).toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        // a failure the service logs (with its stack trace) while it serves the request
        Reply reply = new ApiClient("http://127.0.0.1:" + port).get("/api/v1/widgets/boom").auth("Bearer " + token)
                .header("X-Correlation-Id", "logs-check-1")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").send();
        assertThat(reply.status()).isEqualTo(500);

        List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{"))
                .map(line -> JSON.readTree(line)).toList();
        assertThat(lines).as("every line is JSON").isNotEmpty();
        JsonNode failure = lines.stream().filter(line -> "logs-check-1".equals(text(line, "correlationId")))
                .filter(line -> "ERROR".equals(text(line.path("log"), "level"))).findFirst()
                .orElseThrow(() -> new AssertionError("no error line of the request in:\n" + output.getOut()));
        assertThat(text(failure.path("service"), "name")).isEqualTo("common-test");
        assertThat(text(failure, "traceId")).isEqualTo(traceId);
        assertThat(text(failure, "spanId")).hasSize(16).isNotEqualTo("00f067aa0ba902b7");
        assertThat(text(failure, "callerSubject")).isEqualTo(subject);
        assertThat(failure.path("message").asString()).isEqualTo("unexpected failure");

        // no header printed (a stack trace may name Spring Security's AuthorizationFilter), no token, no username
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(token.substring(0, token.indexOf('.')))
                .doesNotContainPattern("(?i)authorization\"?\\s*[:=]").doesNotContainPattern("(?i)bearer\\s+[A-Za-z0-9_-]+\\.")
                .doesNotContain("responder-logs");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.asString();
    }
}
