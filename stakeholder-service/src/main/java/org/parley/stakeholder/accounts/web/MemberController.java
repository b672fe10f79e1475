package org.parley.stakeholder.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.accounts.AccountService;
import org.parley.stakeholder.accounts.domain.Member;
import org.parley.stakeholder.accounts.domain.NewMember;
import org.parley.stakeholder.accounts.domain.PasswordSetup;
import org.parley.stakeholder.accounts.domain.Provisioned;
import org.parley.stakeholder.shared.web.PathIds;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The accounts that act for a stakeholder. Contact details here are personal data: admins and colleagues only. */
@Tag(name = "Members")
@RestController
@RequestMapping("/api/v1/stakeholders/{id}/members")
class MemberController {

    private final AccountService accounts;

    MemberController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(operationId = "provisionMember", summary = "Provision a member account",
            description = "Admins, and the stakeholder's own members for colleagues: an account in the identity "
                    + "provider that acts for this stakeholder, with its role. The user name is the email address. "
                    + "The answer says how the person gets a password (and, where no mail is delivered, carries a "
                    + "temporary one, this once); it is never cached.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ProvisionedView> provision(Caller caller, @PathVariable String id, @RequestBody ProvisionMember body) {
        UUID stakeholderId = PathIds.parse("stakeholder", id);
        Provisioned provisioned = accounts.provision(caller, stakeholderId,
                new NewMember(body.username(), body.email(), body.firstName(), body.lastName()));
        return ResponseEntity.created(URI.create("/api/v1/stakeholders/" + stakeholderId + "/members/" + provisioned.member().id()))
                // the temporary password, when there is one, must not sit in any cache
                .cacheControl(CacheControl.noStore())
                .body(ProvisionedView.of(provisioned));
    }

    @Operation(operationId = "listMembers", summary = "List a stakeholder's members",
            description = "Admins and the stakeholder's own members: contact details are personal data.")
    @GetMapping
    Page<MemberView> list(Caller caller, @PathVariable String id,
            @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
        int size = PageRequest.of(pageSize, null).size();
        int offset = decode(pageToken);
        List<Member> rows = accounts.members(caller, PathIds.parse("stakeholder", id), offset, size + 1);
        List<MemberView> items = rows.stream().limit(size).map(MemberView::of).toList();
        return new Page<>(items, rows.size() > size ? encode(offset + size) : null);
    }

    @Operation(operationId = "getMember", summary = "Read a member account",
            description = "Admins and the stakeholder's own members.")
    @GetMapping("/{accountId}")
    MemberView get(Caller caller, @PathVariable String id, @PathVariable String accountId) {
        return MemberView.of(accounts.member(caller, PathIds.parse("stakeholder", id), accountId));
    }

    @Operation(operationId = "disableMember", summary = "Disable a member account",
            description = "Admins and the stakeholder's own members: the account can no longer sign in; its history "
                    + "stays.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{accountId}")
    ResponseEntity<Void> disable(Caller caller, @PathVariable String id, @PathVariable String accountId) {
        accounts.disable(caller, PathIds.parse("stakeholder", id), accountId);
        return ResponseEntity.noContent().build();
    }

    private static final String PREFIX = "m1:";

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
    }

    static int decode(String token) {
        if (token == null || token.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // the same answer as any other unreadable token
        }
        throw RuleViolation.ofField("pageToken", "is not a token this service issued");
    }

    record ProvisionMember(String username, String email, String firstName, String lastName) {}

    record MemberView(String id, String username, String email, String firstName, String lastName, String stakeholderId,
            List<String> roles, boolean enabled, Instant createdAt) {

        static MemberView of(Member m) {
            return new MemberView(m.id(), m.username(), m.email(), m.firstName(), m.lastName(),
                    m.stakeholder().map(UUID::toString).orElse(null),
                    m.roles().stream().map(Role::realmName).sorted().toList(), m.enabled(), m.createdAt());
        }
    }

    /** The answer to a provisioning: the member, how they get a password, and a temporary one shown this once. */
    record ProvisionedView(String id, String username, String email, String firstName, String lastName,
            String stakeholderId, List<String> roles, boolean enabled, Instant createdAt, PasswordSetup passwordSetup,
            String temporaryPassword) {

        static ProvisionedView of(Provisioned p) {
            MemberView m = MemberView.of(p.member());
            return new ProvisionedView(m.id(), m.username(), m.email(), m.firstName(), m.lastName(), m.stakeholderId(),
                    m.roles(), m.enabled(), m.createdAt(), p.passwordSetup(), p.temporaryPassword().orElse(null));
        }
    }
}
