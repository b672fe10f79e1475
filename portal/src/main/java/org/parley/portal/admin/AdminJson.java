package org.parley.portal.admin;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The public API's answers the administrator desk reads, copied from stakeholder-service's views
 * ({@code StakeholderController}, {@code MemberController}, {@code FrameworkController}) and the
 * services' audit verification; whatever else the API sends is ignored.
 */
public final class AdminJson {

    private AdminJson() {
    }

    /** A list page of the API: {@code {items, nextPageToken}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listing<T>(List<T> items, String nextPageToken) {
        public Listing {
            items = items == null ? List.of() : items;
        }
    }

    /** A stakeholder ({@code StakeholderView}, or {@code StakeholderDetail} with its version). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stakeholder(String id, String kind, String name, String country, List<String> jurisdictions,
            String status, Instant createdAt, Instant updatedAt, Integer version) {
        public Stakeholder {
            jurisdictions = jurisdictions == null ? List.of() : jurisdictions;
        }

        public boolean active() {
            return "ACTIVE".equals(status);
        }

        /** Only authorities and companies have members with accounts (stakeholder-service {@code MemberRoles}). */
        public String memberRole() {
            return switch (kind == null ? "" : kind) {
                case "STATE" -> "gov-liaison";
                case "COMPANY" -> "company-responder";
                default -> null;
            };
        }
    }

    /** An account acting for a stakeholder ({@code MemberView}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String id, String username, String email, String firstName, String lastName,
            List<String> roles, boolean enabled, Instant createdAt) {
        public Member {
            roles = roles == null ? List.of() : roles;
        }
    }

    /** A framework with its clauses ({@code FrameworkView}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Framework(String id, String name, String sourceUrl, String description, Instant publishedAt,
            List<Clause> clauses) {
        public Framework {
            clauses = clauses == null ? List.of() : clauses;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clause(String number, String text) {
    }

    /** A service's audit chain as it verified itself ({@code AuditChain.Verification}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verification(boolean valid, long records, Long firstBrokenAt, int checkpoints,
            long checkpointedThrough, int unverifiableCheckpoints) {
    }
}
