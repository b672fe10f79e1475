package org.parley.stakeholder.registry.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.parley.common.check.FieldCheck;

/**
 * An admin's change to a stakeholder: a new name, status or set of jurisdictions. A field left out
 * (null) stays as it is. Kind and country never change: a different kind is a different party.
 */
public record StakeholderChange(String name, StakeholderStatus status, List<String> jurisdictions) {

    public StakeholderChange {
        jurisdictions = jurisdictions == null ? null : List.copyOf(new LinkedHashSet<>(jurisdictions));
    }

    public boolean isEmpty() {
        return name == null && status == null && jurisdictions == null;
    }

    /** The stakeholder after the change; a RuleViolation naming every broken field. */
    public Stakeholder applyTo(Stakeholder current, Instant now) {
        FieldCheck check = FieldCheck.start();
        if (name != null) {
            check.text("name", name, Registration.MAX_NAME);
        }
        if (jurisdictions != null) {
            Jurisdictions.check(check, jurisdictions);
        }
        check.orThrow();
        return current.with(
                name == null ? current.name() : name.strip(),
                status == null ? current.status() : status,
                jurisdictions == null ? current.jurisdictions() : jurisdictions,
                now);
    }
}
