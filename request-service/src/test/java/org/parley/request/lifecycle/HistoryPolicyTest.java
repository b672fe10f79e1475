package org.parley.request.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.audit.AuditRecord;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.PartyRef;
import org.parley.request.shared.domain.Overlap;
import org.parley.request.testing.Drafts;

class HistoryPolicyTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final PartyRef DE = new PartyRef(UUID.randomUUID(), "Authority of DE", "DE");
    static final PartyRef COMPANY = new PartyRef(UUID.randomUUID(), "Example Video", "IE");
    static final String FR = UUID.randomUUID().toString();

    final GovernmentRequest request = GovernmentRequest.submit(UUID.randomUUID(), Drafts.removalOrder(COMPANY.id()).build(),
            DE, COMPANY, "liaison-de", 3, List.of(), Optional.of(Duration.ofHours(1)), NOW);
    final Caller deLiaison = caller("liaison-de-2", Role.GOV_LIAISON, DE.id().toString());
    final Caller responder = caller("responder", Role.COMPANY_RESPONDER, COMPANY.id().toString());

    final AuditRecord submitted = record("liaison-de", "gov-liaison", DE.id().toString(), "REQUEST_SUBMITTED", "{\"type\":\"REMOVAL_ORDER\"}");
    final AuditRecord acknowledged = record("responder-2", "company-responder", COMPANY.id().toString(), "REQUEST_ACKNOWLEDGED", null);
    final AuditRecord byFr = record("liaison-fr", "gov-liaison", FR, Overlap.FLAGGED, "{\"overlapsWith\":\"0193-fr\"}");
    final AuditRecord byService = record("request-service", "service", null, Overlap.FLAGGED, "{\"overlapsWith\":\"0193-nl\"}");
    final AuditRecord withheld = record("liaison-de", "gov-liaison", DE.id().toString(), Overlap.WITHHELD, "{\"requests\":1}");
    final List<AuditRecord> records = List.of(submitted, acknowledged, byFr, byService, withheld);

    @Test
    void theAuthoritySeesItsOwnEntriesButNothingThatNamesAnotherAuthority() {
        List<AuditRecord> shown = HistoryPolicy.shownTo(deLiaison, request, records);

        assertThat(shown).extracting(AuditRecord::action).as("a withheld overlap is not shown to the authority at all")
                .containsExactly("REQUEST_SUBMITTED", "REQUEST_ACKNOWLEDGED", Overlap.FLAGGED, Overlap.FLAGGED);
        assertThat(shown.get(0)).as("its own colleague, by name").isEqualTo(submitted);
        assertThat(shown.get(1).actorName()).as("the company's responder, by role and organisation").isNull();
        assertThat(shown.get(1).actorStakeholder()).isEqualTo(COMPANY.id().toString());
        assertThat(shown.get(2).actorName()).isNull();
        assertThat(shown.get(2).actorRoles()).isNull();
        assertThat(shown.get(2).actorStakeholder()).as("another authority is no party to this request").isNull();
        assertThat(shown.get(2).details()).isNull();
        assertThat(shown.get(2).hash()).isEqualTo(byFr.hash());
        assertThat(shown.get(3).actorName()).isEqualTo("request-service");
        assertThat(shown.get(3).details()).isNull();
        assertThat(shown.toString()).doesNotContain(FR).doesNotContain("liaison-fr").doesNotContain("0193-");
    }

    @Test
    void theCompanySeesEveryEntryOfItsRequestWithoutAnotherAuthorityOrTheOtherRequest() {
        List<AuditRecord> shown = HistoryPolicy.shownTo(responder, request, records);

        assertThat(shown).extracting(AuditRecord::action).containsExactly("REQUEST_SUBMITTED", "REQUEST_ACKNOWLEDGED",
                Overlap.FLAGGED, Overlap.FLAGGED, Overlap.WITHHELD);
        assertThat(shown.get(0).actorName()).isNull();
        assertThat(shown.get(0).actorStakeholder()).isEqualTo(DE.id().toString());
        assertThat(shown.get(0).details()).isEqualTo(submitted.details());
        assertThat(shown.get(1)).as("its own colleague, by name").isEqualTo(acknowledged);
        assertThat(shown.toString()).doesNotContain(FR).doesNotContain("liaison-fr").doesNotContain("0193-");
    }

    @Test
    void overseersSeeEveryEntryAsWritten() {
        assertThat(HistoryPolicy.shownTo(caller("admin", Role.ADMIN, null), request, records)).isEqualTo(records);
        assertThat(HistoryPolicy.shownTo(caller("reviewer", Role.REVIEWER, null), request, records)).isEqualTo(records);
    }

    @Test
    void someoneWhoMayNotSeeTheRequestSeesNothing() {
        assertThat(HistoryPolicy.shownTo(caller("liaison-fr", Role.GOV_LIAISON, FR), request, records)).isEmpty();
    }

    private static Caller caller(String name, Role role, String stakeholder) {
        return new Caller(name, name, Set.of(role), Optional.ofNullable(stakeholder));
    }

    private AuditRecord record(String actor, String roles, String stakeholder, String action, String details) {
        return new AuditRecord(UUID.randomUUID(), NOW, actor, actor, roles, stakeholder, action, "request",
                String.valueOf(request == null ? "" : request.id()), null, null, details, 1L, "hash-" + action);
    }
}
