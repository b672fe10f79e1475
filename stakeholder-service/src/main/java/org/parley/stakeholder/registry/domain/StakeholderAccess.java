package org.parley.stakeholder.registry.domain;

import java.util.UUID;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.Role;

/**
 * Who may see and who may manage a stakeholder's own records (spheres, contact point,
 * commitments): admins, and the stakeholder's members (its liaisons or responders), never another
 * stakeholder's. The public sees active stakeholders; a suspended one is visible only to admins and
 * its own members.
 */
public final class StakeholderAccess {

    private StakeholderAccess() {}

    /** A liaison or responder whose token binds them to this stakeholder. */
    public static boolean isMember(Caller caller, UUID stakeholderId) {
        return (caller.has(Role.GOV_LIAISON) || caller.has(Role.COMPANY_RESPONDER))
                && caller.stakeholderId().flatMap(Ids::parse).map(stakeholderId::equals).orElse(false);
    }

    public static boolean canSee(Caller caller, Stakeholder stakeholder) {
        return stakeholder.isActive() || caller.isAdmin() || isMember(caller, stakeholder.id());
    }

    /**
     * Admins manage any stakeholder; members manage their own while it is active. Everyone else who
     * can see it is refused with 403.
     */
    public static void requireManager(Caller caller, Stakeholder stakeholder) {
        if (caller.isAdmin()) {
            return;
        }
        requireMember(caller, stakeholder);
    }

    /** Only the stakeholder's own members, and only while it is active. */
    public static void requireMember(Caller caller, Stakeholder stakeholder) {
        if (!isMember(caller, stakeholder.id())) {
            throw new Forbidden("Only " + stakeholder.name() + "'s own members may do this");
        }
        if (!stakeholder.isActive()) {
            throw new Conflict("STAKEHOLDER_SUSPENDED", stakeholder.name() + " is suspended; its records cannot change");
        }
    }

    /** Who may escalate to a company: its own members, liaisons of authorities, admins, services. */
    public static boolean seesEscalationContact(Caller caller, UUID stakeholderId) {
        return caller.isAdmin() || caller.has(Role.GOV_LIAISON) || caller.has(Role.SERVICE) || isMember(caller, stakeholderId);
    }
}
