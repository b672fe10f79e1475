package org.parley.appeal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The access code: stored only as a salted hash beside the sealed account, replaced by the company until the
 * notice is claimed.
 */
class AccessCodeIT extends AppealServiceIT {

    @Test
    void theAccessCodeIsStoredOnlyAsAHashAndTheAccountOnlyEncrypted() {
        JsonNode recorded = recordedNotice();
        String code = recorded.get("accessCode").asText();

        Map<String, Object> row = jdbc.sql("select access_code_hash, account_ref_sealed from notice where id = ?")
                .param(UUID.fromString(recorded.get("id").asText())).query().singleRow();

        assertThat((String) row.get("access_code_hash")).startsWith("sha256$")
                .doesNotContain(code).doesNotContain(code.replace("-", ""));
        assertThat((String) row.get("account_ref_sealed")).startsWith("k1:").doesNotContain("user-8841");
        assertThat(api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.decider().bearer()).send()
                .json().get("accountRef").asText()).isEqualTo("user-8841");
    }

    @Test
    void aLostCodeIsReplacedByTheCompanyUntilTheNoticeIsClaimed() {
        JsonNode recorded = recordedNotice();
        String path = "/api/v1/notices/" + recorded.get("id").asText() + "/access-code";

        assertThat(api.post(path, Map.of()).auth(w.stranger().bearer()).send().status()).isEqualTo(404);
        assertThat(api.post(path, Map.of()).auth(w.admin().bearer()).send().status()).isEqualTo(403);
        Reply replaced = api.post(path, Map.of()).auth(w.colleague().bearer()).send();

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.header("Cache-Control")).contains("no-store");
        String code = replaced.json().get("accessCode").asText();
        assertThat(code).isNotEqualTo(recorded.get("accessCode").asText());
        assertThat(replaced.json().get("reference").asText()).isEqualTo(recorded.get("reference").asText());
        assertThat(claim(w.appellant(), recorded.get("reference").asText(), recorded.get("accessCode").asText()).status())
                .as("the old code stopped working").isEqualTo(404);
        assertThat(claim(w.appellant(), recorded.get("reference").asText(), code).status()).isEqualTo(201);
        Reply afterClaim = api.post(path, Map.of()).auth(w.colleague().bearer()).send();
        assertThat(afterClaim.status()).isEqualTo(409);
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'ACCESS_CODE_REPLACED'",
                recorded.get("id").asText())).isEqualTo(1);
    }
}
