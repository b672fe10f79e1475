package org.parley.stakeholder.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.RuleViolation;
import org.parley.stakeholder.accounts.domain.Member;
import org.parley.stakeholder.accounts.domain.MemberDirectory;
import org.parley.stakeholder.accounts.domain.MemberRoles;
import org.parley.stakeholder.accounts.domain.NewMember;
import org.parley.stakeholder.accounts.domain.PasswordSetup;
import org.parley.stakeholder.accounts.domain.Provisioned;
import org.parley.stakeholder.registry.RegistryService;
import org.parley.stakeholder.registry.domain.MembershipCheck;
import org.parley.stakeholder.registry.domain.Stakeholder;
import org.parley.stakeholder.registry.domain.StakeholderAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people who act for a stakeholder: admins provision and disable them; admins and the
 * stakeholder's own members list them. Accounts live only in the identity provider; what Parley
 * keeps is the audit record that an admin provisioned account X for stakeholder Y.
 */
@Service
public class AccountService implements MembershipCheck {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final RegistryService registry;
    private final MemberDirectory directory;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final AccountProperties properties;

    public AccountService(RegistryService registry, MemberDirectory directory, AuditLog audit,
            TransactionTemplate transactions, AccountProperties properties) {
        this.registry = registry;
        this.directory = directory;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * Creates the account in the identity provider, then records it. Should the record fail, the
     * account is removed again, so that no account exists that the audit trail does not know.
     */
    public Provisioned provision(Caller caller, UUID stakeholderId, NewMember input) {
        Stakeholder stakeholder = registry.get(caller, stakeholderId);
        caller.require(Role.ADMIN);
        if (!stakeholder.isActive()) {
            throw new Conflict("STAKEHOLDER_SUSPENDED", stakeholder.name() + " is suspended; no members can be added");
        }
        Role role = MemberRoles.forKind(stakeholder.kind()).orElseThrow(() -> new RuleViolation("NO_MEMBER_ROLE",
                "Only authorities (STATE) and companies (COMPANY) have members with accounts",
                List.of(new RuleViolation.FieldError("stakeholderId", "is a " + stakeholder.kind())), List.of()));
        NewMember member = input.checked();
        PasswordSetup setup = properties.temporaryPasswords() ? PasswordSetup.TEMPORARY_PASSWORD : PasswordSetup.EMAIL_ACTION;
        Provisioned provisioned = directory.provision(member, stakeholderId, role, setup);
        try {
            transactions.executeWithoutResult(tx -> audit.append(AuditEntry.of(caller, "MEMBER_PROVISIONED",
                    RegistryService.ENTITY, stakeholderId, null, role.realmName())
                    .withDetails(new AccountProvisioned(provisioned.member().id(), setup.name()))));
        } catch (RuntimeException e) {
            log.warn("recording the new account {} failed; removing it again", provisioned.member().id());
            directory.remove(provisioned.member().id());
            throw e;
        }
        return provisioned;
    }

    /** A page of the stakeholder's accounts, for admins and the stakeholder's own members. */
    public List<Member> members(Caller caller, UUID stakeholderId, int first, int max) {
        requireMayList(caller, registry.get(caller, stakeholderId));
        return directory.membersOf(stakeholderId, first, max);
    }

    public Member member(Caller caller, UUID stakeholderId, String accountId) {
        requireMayList(caller, registry.get(caller, stakeholderId));
        return directory.find(accountId)
                .filter(m -> m.stakeholder().map(stakeholderId::equals).orElse(false))
                .orElseThrow(() -> new NotFound("member", accountId));
    }

    /** Offboarding: the account can no longer log in; the audit trail still names it. */
    public void disable(Caller caller, UUID stakeholderId, String accountId) {
        Stakeholder stakeholder = registry.get(caller, stakeholderId);
        requireMayList(caller, stakeholder);
        Member member = member(caller, stakeholderId, accountId);
        caller.require(Role.ADMIN);
        if (!member.enabled()) {
            return;
        }
        directory.disable(accountId);
        transactions.executeWithoutResult(tx -> audit.append(AuditEntry.of(caller, "MEMBER_DISABLED",
                RegistryService.ENTITY, stakeholderId, "enabled", "disabled")
                .withDetails(Map.of("account", accountId))));
    }

    /**
     * For other services: whether an account acts for the stakeholder in its member role. Only
     * services, admins and the stakeholder's own members may ask.
     */
    @Override
    public Optional<String> memberUsername(Caller caller, UUID stakeholderId, String subject) {
        Stakeholder stakeholder = registry.find(stakeholderId).orElseThrow(() -> new NotFound("stakeholder", stakeholderId.toString()));
        if (!caller.has(Role.SERVICE) && !caller.isAdmin() && !StakeholderAccess.isMember(caller, stakeholderId)) {
            throw new Forbidden("Only services, admins and the stakeholder's own members may check its membership");
        }
        Optional<Role> role = MemberRoles.forKind(stakeholder.kind());
        if (role.isEmpty() || subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        return directory.find(subject).filter(m -> m.actsFor(stakeholderId, role.get())).map(Member::username);
    }

    private static void requireMayList(Caller caller, Stakeholder stakeholder) {
        if (!caller.isAdmin() && !StakeholderAccess.isMember(caller, stakeholder.id())) {
            throw new Forbidden("Only admins and " + stakeholder.name() + "'s own members may see its members");
        }
    }

    /** The audit details of a new account. */
    record AccountProvisioned(String account, String passwordSetup) {}
}
