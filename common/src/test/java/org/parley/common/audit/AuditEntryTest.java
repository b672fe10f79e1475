package org.parley.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;

class AuditEntryTest {

    private final AuditEntry entry = AuditEntry.of(Caller.service("test-service"), "THING_CHANGED", "thing", 1, "A", "B");

    enum Source { STANDARDS }

    record Filed(UUID noticeId, Instant dueAt, int decisionDays, Source source, String missing) {}

    @Test
    void detailsAreJsonWrittenByJacksonWithIdsTimesAndCodesAsText() {
        UUID id = UUID.fromString("0190e0b4-0000-7000-8000-000000000001");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", id);
        details.put("at", Instant.parse("2026-11-28T10:15:30.123456Z"));
        details.put("day", LocalDate.parse("2026-11-28"));
        details.put("retention", Duration.ofDays(365));
        details.put("count", 3);
        details.put("absent", null);

        assertThat(entry.withDetails(details).details()).isEqualTo("{\"id\":\"" + id
                + "\",\"at\":\"2026-11-28T10:15:30.123456Z\",\"day\":\"2026-11-28\",\"retention\":\"PT8760H\",\"count\":3}");
        assertThat(entry.withDetails(new Filed(id, Instant.parse("2026-11-28T10:00:00Z"), 14, Source.STANDARDS, null)).details())
                .isEqualTo("{\"noticeId\":\"" + id + "\",\"dueAt\":\"2026-11-28T10:00:00Z\",\"decisionDays\":14,\"source\":\"STANDARDS\"}");
    }

    @Test
    void noDetailsStayNone() {
        assertThat(entry.details()).isNull();
        assertThat(entry.withDetails((Map<String, ?>) null).details()).isNull();
        assertThat(entry.actor().roles()).containsExactly(Role.SERVICE);
    }
}
