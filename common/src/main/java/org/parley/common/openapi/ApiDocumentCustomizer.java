package org.parley.common.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parley.common.idempotency.IdempotencyFilter;
import org.parley.common.security.ParleySecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Completes a service's OpenAPI document with what every Parley service shares, so that a client can
 * use it as it stands:
 * <ul>
 * <li>the version, and the one server: the gateway's public address ({@link ApiDocumentProperties});
 * <li>the security scheme: OAuth 2 authorization code with PKCE against the Keycloak realm that issues
 * the tokens the services accept, required everywhere but on the reads open to anyone
 * ({@code parley.security.public-get-paths}), where a token is optional (it may show more);
 * <li>the problem answers (RFC 9457, {@code openapi/components.json}) each operation can give, from
 * what it takes: a body (400, 413, 415, 422), parameters (400, 422), an id in its path (404), a change
 * of something that exists or a {@code POST} with an {@code Idempotency-Key} (409), a token (401, 403),
 * and through the gateway always 429 and 503; an answer an operation declares itself is kept;
 * <li>{@code Idempotency-Key} on every {@code POST}, {@code Location} on every 201;
 * <li>examples, one file per operation: {@code openapi/examples/<operationId>.json} of the service,
 * {@code {"request": {name: Example}, "responses": {status: {name: Example}}}} with OpenAPI Example
 * objects; a file for an operation or a status the document lacks stops the document.
 * </ul>
 */
public final class ApiDocumentCustomizer implements OpenApiCustomizer {

    /** The name of the OAuth 2 security scheme. */
    public static final String SECURITY_SCHEME = "keycloak";

    static final String TAG_AUDIT = "Audit";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final String COMPONENTS = "openapi/components.json";
    private static final String EXAMPLES = "classpath*:openapi/examples/*.json";
    private static final String RESPONSES = "#/components/responses/";

    /** The shared answer for each status. */
    private static final Map<String, String> SHARED = Map.of(
            "400", "BadRequest", "401", "Unauthorized", "403", "Forbidden", "404", "NotFound", "409", "Conflict",
            "413", "ContentTooLarge", "415", "UnsupportedMediaType", "422", "UnprocessableContent",
            "429", "TooManyRequests", "503", "ServiceUnavailable");

    private final ApiDocumentProperties api;
    private final ParleySecurityProperties security;
    private final List<PathPattern> publicReads;
    private final Components shared;
    private final Map<String, JsonNode> examples;

    public ApiDocumentCustomizer(ApiDocumentProperties api, ParleySecurityProperties security) {
        this.api = api;
        this.security = security;
        this.publicReads = security.publicGetPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.shared = readComponents();
        this.examples = readExamples();
    }

    @Override
    public void customise(OpenAPI document) {
        document.getInfo().version(api.version());
        document.servers(List.of(new Server().url(api.publicUrl().toString())
                .description("Parley's gateway, the one public entry of the API")));
        Components components = document.getComponents() == null ? new Components() : document.getComponents();
        document.components(components);
        components.addSecuritySchemes(SECURITY_SCHEME, securityScheme());
        shared.getSchemas().forEach(components::addSchemas);
        shared.getHeaders().forEach(components::addHeaders);
        document.security(List.of(new SecurityRequirement().addList(SECURITY_SCHEME)));

        Set<String> used = new HashSet<>();
        if (document.getPaths() != null) {
            document.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> complete(path, method, operation, components, used)));
        }
        used.forEach(name -> components.addResponses(name, shared.getResponses().get(name)));
        dropUnusedLocation(document, components);
        addExamples(document);
        describeAuditTag(document);
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation, Components components,
            Set<String> used) {
        boolean open = method == PathItem.HttpMethod.GET && isPublicRead(path);
        if (open) {
            // anyone may call it; a token is checked when sent and may show more (an admin sees every stakeholder)
            operation.security(List.of(new SecurityRequirement(), new SecurityRequirement().addList(SECURITY_SCHEME)));
        }
        if (method == PathItem.HttpMethod.POST) {
            components.addParameters("IdempotencyKey", shared.getParameters().get("IdempotencyKey"));
            if (operation.getParameters() == null
                    || operation.getParameters().stream().noneMatch(p -> IdempotencyFilter.HEADER.equals(p.getName()))) {
                operation.addParametersItem(new Parameter().$ref("#/components/parameters/IdempotencyKey"));
            }
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse created = responses.get("201");
        if (created != null && (created.getHeaders() == null || !created.getHeaders().containsKey("Location"))) {
            created.addHeaderObject("Location", new Header().$ref("#/components/headers/Location"));
        }
        for (String status : problemStatuses(path, method, operation, open)) {
            ApiResponse declared = responses.get(status);
            if (declared == null) {
                responses.addApiResponse(status, new ApiResponse().$ref(RESPONSES + SHARED.get(status)));
                used.add(SHARED.get(status));
            } else if (declared.get$ref() == null) {
                // the operation's own description of the case, in the problem shape, with the shared headers
                declared.content(problemContent());
                ApiResponse common = shared.getResponses().get(SHARED.get(status));
                if (declared.getHeaders() == null && common.getHeaders() != null) {
                    declared.headers(new LinkedHashMap<>(common.getHeaders()));
                }
            }
        }
        // an answer declared with an error status by an annotation also gets the problem shape
        responses.forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.get$ref() == null
                    && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.content(problemContent());
            }
        });
        operation.responses(sorted(responses));
    }

    /** The problems an operation can answer, from what it takes and where it is. */
    static List<String> problemStatuses(String path, PathItem.HttpMethod method, Operation operation, boolean open) {
        boolean body = operation.getRequestBody() != null;
        // a query parameter or a header of the operation's own can be malformed (a language it cannot read is none)
        boolean parameters = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "query".equals(p.getIn())
                        || "header".equals(p.getIn()) && !p.getName().startsWith("Accept"));
        boolean id = path.contains("{");
        boolean post = method == PathItem.HttpMethod.POST;
        boolean change = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        List<String> statuses = new ArrayList<>();
        if (body || parameters || post) {
            statuses.add("400");
        }
        statuses.add("401");
        if (!open) {
            statuses.add("403");
        }
        if (id) {
            statuses.add("404");
        }
        if (post || change && id) {
            statuses.add("409");
        }
        if (body) {
            statuses.add("413");
            statuses.add("415");
        }
        if (body || parameters || post) {
            statuses.add("422");
        }
        statuses.add("429");
        statuses.add("503");
        return statuses;
    }

    private boolean isPublicRead(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return publicReads.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private SecurityScheme securityScheme() {
        String openIdConnect = security.issuerUri() + "/protocol/openid-connect";
        return new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Sign in at Parley's identity provider (the Keycloak realm that issues every Parley token, "
                        + security.issuerUri() + "): the authorization code flow with PKCE (S256), as a public "
                        + "client. Access tokens carry the audience `" + security.audience() + "`, the person's realm "
                        + "roles and, for the staff of an organisation, its `stakeholder_id`; send them as "
                        + "`Authorization: Bearer <token>`. They last five minutes.")
                .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                        .authorizationUrl(openIdConnect + "/auth")
                        .tokenUrl(openIdConnect + "/token")
                        .refreshUrl(openIdConnect + "/token")
                        .scopes(new Scopes())));
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType()
                .schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/Problem")));
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        sorted.setExtensions(responses.getExtensions());
        return sorted;
    }

    /** The shared {@code Location} header is kept only where a 201 names it. */
    private static void dropUnusedLocation(OpenAPI document, Components components) {
        boolean anyCreated = document.getPaths() != null && document.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .anyMatch(operation -> operation.getResponses() != null && operation.getResponses().containsKey("201"));
        if (!anyCreated) {
            components.getHeaders().remove("Location");
        }
    }

    private void addExamples(OpenAPI document) {
        Map<String, Operation> byId = new LinkedHashMap<>();
        if (document.getPaths() != null) {
            document.getPaths().values().forEach(item -> item.readOperations()
                    .forEach(operation -> byId.put(operation.getOperationId(), operation)));
        }
        ObjectMapper mapper = Json31.mapper();
        examples.forEach((operationId, file) -> {
            Operation operation = byId.get(operationId);
            if (operation == null) {
                throw new IllegalStateException("openapi/examples/" + operationId + ".json: no operation " + operationId);
            }
            file.path("request").properties().forEach(example -> {
                MediaType media = operation.getRequestBody() == null ? null
                        : firstMedia(operation.getRequestBody().getContent());
                if (media == null) {
                    throw new IllegalStateException(operationId + " takes no body: its request example cannot be shown");
                }
                media.addExamples(example.getKey(), mapper.convertValue(example.getValue(), Example.class));
            });
            file.path("responses").properties().forEach(status -> {
                ApiResponse response = operation.getResponses().get(status.getKey());
                if (response == null) {
                    throw new IllegalStateException(operationId + " has no answer " + status.getKey()
                            + " for its example to show");
                }
                if (response.get$ref() != null) {
                    // a shared problem answer: this operation gets its own copy, with its own example
                    String name = response.get$ref().substring(RESPONSES.length());
                    ApiResponse own = withoutExample(shared.getResponses().get(name));
                    operation.getResponses().addApiResponse(status.getKey(), own);
                    response = own;
                }
                MediaType media = firstMedia(response.getContent());
                if (media == null) {
                    throw new IllegalStateException(operationId + " answers " + status.getKey() + " without a body");
                }
                status.getValue().properties().forEach(example ->
                        media.addExamples(example.getKey(), mapper.convertValue(example.getValue(), Example.class)));
            });
        });
    }

    private static MediaType firstMedia(Content content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        return content.containsKey(JSON) ? content.get(JSON) : content.values().iterator().next();
    }

    /** A copy of a shared problem answer without its generic example, for an operation's own examples. */
    private static ApiResponse withoutExample(ApiResponse response) {
        ObjectMapper mapper = Json31.mapper();
        JsonNode tree = mapper.valueToTree(response);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("content").path(PROBLEM_JSON)).remove("example");
        return mapper.convertValue(tree, ApiResponse.class);
    }

    private static void describeAuditTag(OpenAPI document) {
        boolean used = document.getPaths() != null && document.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .anyMatch(operation -> operation.getTags() != null && operation.getTags().contains(TAG_AUDIT));
        boolean declared = document.getTags() != null
                && document.getTags().stream().anyMatch(tag -> TAG_AUDIT.equals(tag.getName()));
        if (used && !declared) {
            document.addTagsItem(new Tag().name(TAG_AUDIT).description("The service's audit chain, for admins: "
                    + "verify it against itself and its signed checkpoints, or take a checkpoint now."));
        }
    }

    private static Components readComponents() {
        try (InputStream in = ApiDocumentCustomizer.class.getClassLoader().getResourceAsStream(COMPONENTS)) {
            if (in == null) {
                throw new IllegalStateException(COMPONENTS + " is missing from the classpath");
            }
            return Json31.mapper().readValue(in, Components.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COMPONENTS, e);
        }
    }

    private static Map<String, JsonNode> readExamples() {
        Map<String, JsonNode> byOperation = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(EXAMPLES)) {
                String name = resource.getFilename();
                try (InputStream in = resource.getInputStream()) {
                    byOperation.put(name.substring(0, name.length() - ".json".length()), Json31.mapper().readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI examples " + EXAMPLES, e);
        }
        return byOperation;
    }
}
