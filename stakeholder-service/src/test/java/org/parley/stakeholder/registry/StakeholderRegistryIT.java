package org.parley.stakeholder.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.api.stakeholder.v1.BatchGetStakeholdersRequest;
import org.parley.api.stakeholder.v1.GetStakeholderRequest;
import org.parley.api.stakeholder.v1.StakeholderKind;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.GrpcTestPort;
import org.parley.common.testkit.PostgresProperties;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.parley.common.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@Import({TestSecurityConfiguration.class, GrpcTestPort.class})
class StakeholderRegistryIT {

    static final String ADMIN = TestTokens.bearer("admin", null, Role.ADMIN);
    static final String LIAISON = TestTokens.bearer("liaison", "01930000-0000-7000-8000-00000000a001", Role.GOV_LIAISON);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry, "stakeholder");
    }

    @LocalServerPort
    int port;

    @Autowired
    GrpcTestPort grpcPort;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    ManagedChannel channel;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort.port()).usePlaintext().build();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    static Map<String, Object> company(String name) {
        return Map.of("name", name, "kind", "COMPANY", "country", "IE", "jurisdictions", List.of("IE", "FR"));
    }

    @Test
    void adminRegistersAndAnyoneReadsItBack() {
        Reply created = api.post("/api/v1/stakeholders", company("Example Video")).auth(ADMIN).send();

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/stakeholders/" + id);
        assertThat(created.json().get("status").asText()).isEqualTo("ACTIVE");

        Reply read = api.get("/api/v1/stakeholders/" + id).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("Example Video");
        assertThat(read.json().get("jurisdictions").toString()).isEqualTo("[\"IE\",\"FR\"]");

        assertThat(jdbc.sql("select count(*) from audit_record where entity_id = :id and action = 'STAKEHOLDER_REGISTERED'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void registeringNeedsATokenAndTheAdminRole() {
        long before = rows();

        Reply anonymous = api.post("/api/v1/stakeholders", company("No token")).send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");

        Reply liaison = api.post("/api/v1/stakeholders", company("Wrong role")).auth(LIAISON).send();
        assertThat(liaison.status()).isEqualTo(403);
        assertThat(liaison.contentType()).startsWith("application/problem+json");

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() {
        String otherAudience = TestTokens.sign(TestTokens.claims("admin", null, Role.ADMIN).audience("someone-else").build());
        String otherIssuer = TestTokens.sign(TestTokens.claims("admin", null, Role.ADMIN).issuer("http://evil.example/realms/parley").build());

        assertThat(api.post("/api/v1/stakeholders", company("A")).auth(otherAudience).send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/stakeholders", company("B")).auth(otherIssuer).send().status()).isEqualTo(401);
    }

    @Test
    void malformedJsonIs400ProblemAndStoresNothing() {
        long before = rows();

        Reply reply = api.post("/api/v1/stakeholders", "{\"name\": \"Broken\", ").auth(ADMIN).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void unknownKindNamesTheField() {
        Reply reply = api.post("/api/v1/stakeholders", Map.of("name", "X", "kind", "PIRATE", "country", "DE"))
                .auth(ADMIN).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().has("errors")).as(reply.toString()).isTrue();
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("kind");
    }

    @Test
    void everyBrokenFieldIsReportedAt422AndNothingIsStored() {
        long before = rows();

        Reply reply = api.post("/api/v1/stakeholders",
                Map.of("name", "x".repeat(201), "kind", "STATE", "country", "XX", "jurisdictions", List.of("DE", "Germany")))
                .auth(ADMIN).send();

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "country", "jurisdictions[1]");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        assertThat(api.get("/api/v1/stakeholders/01930000-0000-7000-8000-0000000000ff").send().status()).isEqualTo(404);
        Reply malformed = api.get("/api/v1/stakeholders/not-an-id").send();
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void listingPagesThroughEveryStakeholderOnce() {
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/stakeholders", Map.of("name", "Paged NGO " + i, "kind", "CIVIL_SOCIETY", "country", "KE"))
                    .auth(ADMIN).send();
        }
        List<String> seen = new java.util.ArrayList<>();
        String token = null;
        do {
            Reply page = api.get("/api/v1/stakeholders?kind=CIVIL_SOCIETY&pageSize=2" + (token == null ? "" : "&pageToken=" + token)).send();
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("name").asText()));
            token = page.json().hasNonNull("nextPageToken") ? page.json().get("nextPageToken").asText() : null;
        } while (token != null);

        assertThat(seen).filteredOn(name -> name.startsWith("Paged NGO")).hasSize(5).doesNotHaveDuplicates();
        assertThat(api.get("/api/v1/stakeholders?pageToken=garbage").send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/stakeholders?pageSize=501").send().status()).isEqualTo(422);
    }

    @Test
    void otherServicesLookStakeholdersUpOverGrpcWithAToken() {
        String id = api.post("/api/v1/stakeholders", company("Grpc Co")).auth(ADMIN).send().json().get("id").asText();
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), LIAISON);
        var stub = StakeholderServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(5, TimeUnit.SECONDS);

        var one = stub.getStakeholder(GetStakeholderRequest.newBuilder().setId(id).build()).getStakeholder();
        assertThat(one.getKind()).isEqualTo(StakeholderKind.STAKEHOLDER_KIND_COMPANY);
        assertThat(one.getJurisdictionsList()).containsExactly("IE", "FR");

        var batch = stub.batchGetStakeholders(BatchGetStakeholdersRequest.newBuilder()
                .addIds(id).addIds("01930000-0000-7000-8000-0000000000ff").addIds("junk").build());
        assertThat(batch.getStakeholdersList()).extracting(s -> s.getId()).containsExactly(id);

        assertThatThrownBy(() -> stub.getStakeholder(GetStakeholderRequest.newBuilder().setId("01930000-0000-7000-8000-0000000000ff").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void grpcDeniesCallsWithoutATokenButHealthIsOpen() {
        var anonymous = StakeholderServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> anonymous.getStakeholder(GetStakeholderRequest.newBuilder().setId("x").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));

        var health = io.grpc.health.v1.HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    }

    private long rows() {
        return jdbc.sql("select count(*) from stakeholder").query(Long.class).single();
    }
}
