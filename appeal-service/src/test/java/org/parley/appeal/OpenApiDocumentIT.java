package org.parley.appeal;

import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.common.testkit.OpenApiDocuments;
import tools.jackson.databind.JsonNode;

class OpenApiDocumentIT extends AppealServiceIT {

    @Test
    void theDocumentPassesTheLinter() {
        JsonNode document = OpenApiDocuments.fetchAndWrite(api, "appeal-service");
        OpenApiDocuments.lint(OpenApiDocuments.file("appeal-service"));
    }
}
