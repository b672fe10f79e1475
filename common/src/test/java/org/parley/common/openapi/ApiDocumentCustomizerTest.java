package org.parley.common.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.security.ParleySecurityProperties;

/** What every service's document gets, whatever the service: where to call, how to sign in, which problems. */
class ApiDocumentCustomizerTest {

    private static final String ISSUER = "https://id.parley.example/realms/parley";

    private final ApiDocumentCustomizer customizer = new ApiDocumentCustomizer(
            new ApiDocumentProperties(URI.create("https://parley.example/"), "1.2.3"),
            new ParleySecurityProperties(ISSUER, "parley-api", List.of("/api/v1/widgets", "/api/v1/widgets/*"), null, null));

    @Test
    void theGatewaysPublicAddressIsTheOneServerAndTheRealmSignsIn() {
        OpenAPI document = document();
        customizer.customise(document);

        assertThat(document.getServers()).singleElement().satisfies(server ->
                assertThat(server.getUrl()).as("no trailing slash").isEqualTo("https://parley.example"));
        assertThat(document.getInfo().getVersion()).isEqualTo("1.2.3");
        var flow = document.getComponents().getSecuritySchemes().get("keycloak").getFlows().getAuthorizationCode();
        assertThat(flow.getAuthorizationUrl()).isEqualTo(ISSUER + "/protocol/openid-connect/auth");
        assertThat(flow.getTokenUrl()).isEqualTo(ISSUER + "/protocol/openid-connect/token");
        assertThat(document.getSecurity()).singleElement().satisfies(requirement ->
                assertThat(requirement).containsKey("keycloak"));
    }

    @Test
    void aPublicReadTakesATokenOrNoneAndEveryOtherOperationNeedsOne() {
        OpenAPI document = document();
        customizer.customise(document);

        Operation read = document.getPaths().get("/api/v1/widgets/{id}").getGet();
        Operation change = document.getPaths().get("/api/v1/widgets/{id}").getPatch();
        assertThat(read.getSecurity()).hasSize(2).first().satisfies(none -> assertThat(none).isEmpty());
        assertThat(read.getResponses()).doesNotContainKey("403").containsKeys("401", "404", "429", "503");
        assertThat(change.getSecurity()).as("the document's own requirement").isNull();
        assertThat(change.getResponses().keySet()).containsExactly("200", "400", "401", "403", "404", "409", "413",
                "415", "422", "429", "503");
    }

    @Test
    void aPostTakesAnIdempotencyKeyAndACreatedAnswerNamesItsLocation() {
        OpenAPI document = document();
        customizer.customise(document);

        Operation create = document.getPaths().get("/api/v1/widgets").getPost();
        assertThat(create.getParameters()).extracting(Parameter::get$ref)
                .containsExactly("#/components/parameters/IdempotencyKey");
        assertThat(create.getResponses().get("201").getHeaders()).containsKey("Location");
        assertThat(create.getResponses().get("409").get$ref()).isEqualTo("#/components/responses/Conflict");
        assertThat(document.getComponents().getResponses()).containsKeys("BadRequest", "Conflict", "UnprocessableContent");
        assertThat(document.getComponents().getSchemas()).containsKeys("Problem", "FieldError", "Finding");
    }

    @Test
    void aPublicAddressMustBeAbsolute() {
        assertThatThrownBy(() -> new ApiDocumentProperties(URI.create("/gateway"), "1"))
                .hasMessageContaining("parley.api.public-url");
    }

    private static OpenAPI document() {
        Content json = new Content().addMediaType("application/json", new MediaType());
        Operation create = new Operation().operationId("createWidget").requestBody(new RequestBody().content(json))
                .responses(new ApiResponses().addApiResponse("201", new ApiResponse().description("created").content(json)));
        Operation read = new Operation().operationId("getWidget").addParametersItem(new Parameter().name("id").in("path"))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("the widget")));
        Operation change = new Operation().operationId("changeWidget").requestBody(new RequestBody().content(json))
                .addParametersItem(new Parameter().name("id").in("path"))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("changed")));
        return new OpenAPI().info(new Info().title("Parley widget-service"))
                .paths(new Paths()
                        .addPathItem("/api/v1/widgets", new PathItem().post(create))
                        .addPathItem("/api/v1/widgets/{id}", new PathItem().get(read).patch(change)));
    }
}
