package org.parley.request;

import org.junit.jupiter.api.Test;
import org.parley.common.testkit.OpenApiDocuments;
import org.parley.request.support.RequestServiceIT;
import tools.jackson.databind.JsonNode;

class OpenApiDocumentIT extends RequestServiceIT {

    @Test
    void theDocumentPassesTheLinter() {
        JsonNode document = OpenApiDocuments.fetchAndWrite(api, "request-service");
        OpenApiDocuments.lint(OpenApiDocuments.file("request-service"));
    }
}
