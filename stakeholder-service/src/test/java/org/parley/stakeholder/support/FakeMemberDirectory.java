package org.parley.stakeholder.support;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.Unavailable;
import org.parley.stakeholder.accounts.domain.Member;
import org.parley.stakeholder.accounts.domain.MemberDirectory;
import org.parley.stakeholder.accounts.domain.NewMember;
import org.parley.stakeholder.accounts.domain.PasswordSetup;
import org.parley.stakeholder.accounts.domain.Provisioned;

/**
 * A fake of the identity provider (Keycloak) at the boundary, in memory, for integration tests.
 * The real adapter is exercised against a real Keycloak by the system test.
 */
public final class FakeMemberDirectory implements MemberDirectory {

    private final Map<String, Member> accounts = new ConcurrentHashMap<>();
    private volatile boolean down;

    public void reset() {
        accounts.clear();
        down = false;
    }

    public void goDown() {
        down = true;
    }

    /** An account that exists in the directory without having been provisioned through Parley. */
    public Member add(String username, UUID stakeholderId, Role role) {
        Member member = new Member(UUID.randomUUID().toString(), username, username + "@example.org", "Test", "Person",
                Optional.ofNullable(stakeholderId), Set.of(role), true, Instant.now());
        accounts.put(member.id(), member);
        return member;
    }

    public Optional<Member> byUsername(String username) {
        return accounts.values().stream().filter(m -> m.username().equals(username)).findFirst();
    }

    @Override
    public Provisioned provision(NewMember member, UUID stakeholderId, Role role, PasswordSetup passwordSetup) {
        if (down) {
            throw new Unavailable("The identity provider");
        }
        boolean taken = accounts.values().stream()
                .anyMatch(m -> m.username().equals(member.username()) || m.email().equalsIgnoreCase(member.email()));
        if (taken) {
            throw new Conflict("MEMBER_EXISTS", "An account with this username or e-mail already exists");
        }
        Member created = new Member(UUID.randomUUID().toString(), member.username(), member.email(), member.firstName(),
                member.lastName(), Optional.of(stakeholderId), Set.of(role), true, Instant.now());
        accounts.put(created.id(), created);
        return new Provisioned(created, passwordSetup,
                passwordSetup == PasswordSetup.TEMPORARY_PASSWORD ? Optional.of("Temp-" + UUID.randomUUID()) : Optional.empty());
    }

    @Override
    public List<Member> membersOf(UUID stakeholderId, int first, int max) {
        return accounts.values().stream()
                .filter(m -> m.stakeholder().map(stakeholderId::equals).orElse(false))
                .sorted(Comparator.comparing(Member::username))
                .skip(first)
                .limit(max)
                .toList();
    }

    @Override
    public Optional<Member> find(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public void disable(String id) {
        accounts.computeIfPresent(id, (key, m) -> new Member(m.id(), m.username(), m.email(), m.firstName(), m.lastName(),
                m.stakeholder(), m.roles(), false, m.createdAt()));
    }

    @Override
    public void remove(String id) {
        accounts.remove(id);
    }
}
