package org.parley.stakeholder.workinggroup.web;

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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/working-groups")
class WorkingGroupController {

    private final WorkingGroupService groups;

    WorkingGroupController(WorkingGroupService groups) {
        this.groups = groups;
    }

    @PostMapping
    ResponseEntity<GroupView> create(Caller caller, @RequestBody CreateGroup body) {
        WorkingGroupService.View view = groups.create(caller, new WorkingGroupDraft(body.name(), body.mandate(), body.memberIds()));
        return ResponseEntity.created(URI.create("/api/v1/working-groups/" + view.group().id())).body(GroupView.of(view));
    }

    @GetMapping
    Page<GroupView> list(Caller caller, @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        return groups.list(caller, PageRequest.of(pageSize, pageToken)).map(GroupView::of);
    }

    @GetMapping("/{id}")
    GroupView get(Caller caller, @PathVariable String id) {
        return GroupView.of(groups.get(caller, PathIds.parse("working group", id)));
    }

    @GetMapping("/{id}/members")
    Page<MemberView> members(Caller caller, @PathVariable String id) {
        return new Page<>(GroupView.of(groups.get(caller, PathIds.parse("working group", id))).members(), null);
    }

    @PostMapping("/{id}/members")
    ResponseEntity<MemberView> addMember(Caller caller, @PathVariable String id, @RequestBody AddMember body) {
        UUID groupId = PathIds.parse("working group", id);
        GroupView view = GroupView.of(groups.addMember(caller, groupId, body.stakeholderId()));
        MemberView added = view.members().stream().filter(m -> m.stakeholderId().equalsIgnoreCase(body.stakeholderId().strip()))
                .findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/working-groups/" + groupId + "/members/" + added.stakeholderId()))
                .body(added);
    }

    @GetMapping("/{id}/members/{stakeholderId}")
    MemberView member(Caller caller, @PathVariable String id, @PathVariable String stakeholderId) {
        return GroupView.of(groups.get(caller, PathIds.parse("working group", id))).members().stream()
                .filter(m -> m.stakeholderId().equalsIgnoreCase(stakeholderId)).findFirst()
                .orElseThrow(() -> new NotFound("member of working group", stakeholderId));
    }

    @DeleteMapping("/{id}/members/{stakeholderId}")
    ResponseEntity<Void> removeMember(Caller caller, @PathVariable String id, @PathVariable String stakeholderId) {
        groups.removeMember(caller, PathIds.parse("working group", id), PathIds.parse("member of working group", stakeholderId));
        return ResponseEntity.noContent().build();
    }

    record CreateGroup(String name, String mandate, List<String> memberIds) {}

    record AddMember(String stakeholderId) {}

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
