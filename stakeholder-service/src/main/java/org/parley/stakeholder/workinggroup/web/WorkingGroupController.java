package org.parley.stakeholder.workinggroup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.NotFound;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.registry.domain.StakeholderKind;
import org.parley.stakeholder.shared.web.PathIds;
import org.parley.stakeholder.workinggroup.WorkingGroupService;
import org.parley.stakeholder.workinggroup.domain.WorkingGroupDraft;
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

@Tag(name = "Working groups")
@RestController
@RequestMapping("/api/v1/working-groups")
class WorkingGroupController {

    private final WorkingGroupService groups;

    WorkingGroupController(WorkingGroupService groups) {
        this.groups = groups;
    }

    @Operation(operationId = "createWorkingGroup", summary = "Create a working group",
            description = "Admins only: a group with a mandate and its first members.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<GroupView> create(Caller caller, @RequestBody CreateGroup body) {
        WorkingGroupService.View view = groups.create(caller, new WorkingGroupDraft(body.name(), body.mandate(), body.memberIds()));
        return ResponseEntity.created(URI.create("/api/v1/working-groups/" + view.group().id())).body(GroupView.of(view));
    }

    @Operation(operationId = "listWorkingGroups", summary = "List working groups",
            description = "Anyone.")
    @GetMapping
    Page<GroupView> list(Caller caller, @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        return groups.list(caller, PageRequest.of(pageSize, pageToken)).map(GroupView::of);
    }

    @Operation(operationId = "getWorkingGroup", summary = "Read a working group",
            description = "Anyone: the group with its members.")
    @GetMapping("/{id}")
    GroupView get(Caller caller, @PathVariable String id) {
        return GroupView.of(groups.get(caller, PathIds.parse("working group", id)));
    }

    @Operation(operationId = "listWorkingGroupMembers", summary = "List a working group's members",
            description = "Anyone.")
    @GetMapping("/{id}/members")
    Page<MemberView> members(Caller caller, @PathVariable String id) {
        return new Page<>(GroupView.of(groups.get(caller, PathIds.parse("working group", id))).members(), null);
    }

    @Operation(operationId = "addWorkingGroupMember", summary = "Add a member to a working group",
            description = "Admins only.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/members")
    ResponseEntity<MemberView> addMember(Caller caller, @PathVariable String id, @RequestBody AddMember body) {
        UUID groupId = PathIds.parse("working group", id);
        GroupView view = GroupView.of(groups.addMember(caller, groupId, body.stakeholderId()));
        MemberView added = view.members().stream().filter(m -> m.stakeholderId().equalsIgnoreCase(body.stakeholderId().strip()))
                .findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/working-groups/" + groupId + "/members/" + added.stakeholderId()))
                .body(added);
    }

    @Operation(operationId = "getWorkingGroupMember", summary = "Read a working group's member",
            description = "Anyone.")
    @GetMapping("/{id}/members/{stakeholderId}")
    MemberView member(Caller caller, @PathVariable String id, @PathVariable String stakeholderId) {
        return GroupView.of(groups.get(caller, PathIds.parse("working group", id))).members().stream()
                .filter(m -> m.stakeholderId().equalsIgnoreCase(stakeholderId)).findFirst()
                .orElseThrow(() -> new NotFound("member of working group", stakeholderId));
    }

    @Operation(operationId = "removeWorkingGroupMember", summary = "Remove a member from a working group",
            description = "Admins only.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}/members/{stakeholderId}")
    ResponseEntity<Void> removeMember(Caller caller, @PathVariable String id, @PathVariable String stakeholderId) {
        groups.removeMember(caller, PathIds.parse("working group", id), PathIds.parse("member of working group", stakeholderId));
        return ResponseEntity.noContent().build();
    }

    record CreateGroup(String name, String mandate, List<String> memberIds) {}

    record AddMember(String stakeholderId) {}

    /** Named apart from the accounts' MemberView: one schema name per shape in the service's OpenAPI document. */
    @Schema(name = "WorkingGroupMember")
    record MemberView(String stakeholderId, String name, StakeholderKind kind, String country, Instant joinedAt) {}

    record GroupView(String id, String name, String mandate, Instant createdAt, List<MemberView> members) {

        static GroupView of(WorkingGroupService.View view) {
            return new GroupView(view.group().id().toString(), view.group().name(), view.group().mandate(),
                    view.group().createdAt(),
                    view.members().stream().map(m -> new MemberView(m.stakeholder().id().toString(), m.stakeholder().name(),
                            m.stakeholder().kind(), m.stakeholder().country(), m.membership().joinedAt())).toList());
        }
    }
}
