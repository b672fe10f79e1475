package org.parley.appeal.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AccountRetentionIT extends AppealServiceIT {

    @Autowired
    RetentionService retention;

    @Test
    void theAccountIsForgottenAYearAfterTheDecisionUnlessAnAppealIsStillOpen() {
        JsonNode settled = recordedNotice();
        claimed(settled);
        JsonNode appealed = filedAppeal();
        String appealedNotice = appealed.get("noticeId").asText();

        clock.advance(Duration.ofDays(364));
        retention.purge();
        assertThat(sealed(settled.get("id").asText())).as("still within retention").isTrue();

        clock.advance(Duration.ofDays(2));
        retention.purge();

        assertThat(sealed(settled.get("id").asText())).isFalse();
        assertThat(sealed(appealedNotice)).as("its appeal is still open").isTrue();
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'ACCOUNT_REF_PURGED'",
                settled.get("id").asText())).isEqualTo(1);
        JsonNode seen = api.get("/api/v1/notices/" + settled.get("id").asText()).auth(w.appellant().bearer()).send().json();
        assertThat(seen.has("accountRef")).isFalse();
        assertThat(seen.get("facts").asText()).as("the statement itself stays").isNotBlank();

        decided(appealed.get("id").asText(), "UPHELD");
        retention.purge();
        assertThat(sealed(appealedNotice)).as("decided: nothing open any more").isFalse();
        retention.purge();
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'ACCOUNT_REF_PURGED'",
                settled.get("id").asText())).as("purged once").isEqualTo(1);
    }

    private boolean sealed(String notice) {
        return count("select count(*) from notice where id = ? and account_ref_sealed is not null", UUID.fromString(notice)) == 1;
    }
}
