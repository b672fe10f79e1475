package org.parley.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Role;
import org.parley.common.testapp.CommonTestApplication;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.PostgresProperties;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.parley.common.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Verification and checkpoints as an admin reaches them over HTTP, on a service built on the kit. */
@SpringBootTest(classes = CommonTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestSecurityConfiguration.class)
class AuditEndpointsIT {

    static final String ADMIN = TestTokens.bearer("admin-1", null, Role.ADMIN);
    static final String RESPONDER = TestTokens.bearer("responder-1", "01930000-0000-7000-8000-00000000c001",
            Role.COMPANY_RESPONDER);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry, "audit_http");
    }

    @LocalServerPort
    int port;

    @Value("${parley.audit.checkpoints.dir}")
    Path checkpointDir;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void anAdminTakesACheckpointAndTheVerificationChecksIt() throws Exception {
        assertThat(api.post("/api/v1/widgets", Map.of("name", "one")).auth(RESPONDER).send().status()).isEqualTo(201);

        Reply checkpoint = api.post("/api/v1/admin/audit/test/checkpoints", Map.of()).auth(ADMIN).send();

        assertThat(checkpoint.status()).as(checkpoint.toString()).isEqualTo(200);
        assertThat(checkpoint.json().get("service").asText()).isEqualTo("test");
        assertThat(checkpoint.json().get("chainPos").asLong()).isEqualTo(1);
        assertThat(checkpoint.json().get("signature").asText()).isNotBlank();
        try (var files = Files.list(checkpointDir)) {
            List<Path> written = files.toList();
            assertThat(written).hasSize(1);
            assertThat(written.getFirst().getFileName().toString()).startsWith("test.").endsWith(".jsonl");
        }

        Reply verification = api.get("/api/v1/admin/audit/test/verification").auth(ADMIN).send();
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).isTrue();
        assertThat(verification.json().get("records").asLong()).isEqualTo(1);
        assertThat(verification.json().get("checkpoints").asInt()).isEqualTo(1);
        assertThat(verification.json().get("checkpointedThrough").asLong()).isEqualTo(1);
        assertThat(verification.json().get("unverifiableCheckpoints").asInt()).isZero();
    }

    @Test
    void onlyAnAdminTakesCheckpointsOrVerifies() {
        assertThat(api.post("/api/v1/admin/audit/test/checkpoints", Map.of()).auth(RESPONDER).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/audit/test/verification").auth(RESPONDER).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/audit/test/checkpoints", Map.of()).send().status()).isEqualTo(401);
    }
}
