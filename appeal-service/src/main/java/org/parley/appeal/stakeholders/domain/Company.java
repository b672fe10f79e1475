package org.parley.appeal.stakeholders.domain;

import java.util.UUID;

/** A stakeholder as far as notices care: its name, and whether it is an active company. */
public record Company(UUID id, String name, boolean isCompany, boolean active) {

    public boolean mayRecordNotices() {
        return isCompany && active;
    }
}
