package org.parley.stakeholder;

import org.junit.jupiter.api.Test;
import org.parley.common.testkit.OpenApiDocuments;
import org.parley.stakeholder.support.StakeholderServiceIT;
import tools.jackson.databind.JsonNode;

class OpenApiDocumentIT extends StakeholderServiceIT {

    @Test
    void theDocumentPassesTheLinter() {
        JsonNode document = OpenApiDocuments.fetchAndWrite(api, "stakeholder-service");
        OpenApiDocuments.lint(OpenApiDocuments.file("stakeholder-service"));
    }
}
