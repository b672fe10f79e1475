package org.parley.appeal.support;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.api.stakeholder.v1.CheckMembershipRequest;
import org.parley.api.stakeholder.v1.CheckMembershipResponse;
import org.parley.api.stakeholder.v1.CommitmentServiceGrpc;
import org.parley.api.stakeholder.v1.ContentCategory;
import org.parley.api.stakeholder.v1.GetActiveStandardsRequest;
import org.parley.api.stakeholder.v1.GetActiveStandardsResponse;
import org.parley.api.stakeholder.v1.GetAppealDecisionTimeRequest;
import org.parley.api.stakeholder.v1.GetAppealDecisionTimeResponse;
import org.parley.api.stakeholder.v1.GetStakeholderRequest;
import org.parley.api.stakeholder.v1.GetStakeholderResponse;
import org.parley.api.stakeholder.v1.RequestRules;
import org.parley.api.stakeholder.v1.Stakeholder;
import org.parley.api.stakeholder.v1.StakeholderKind;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.api.stakeholder.v1.StakeholderStatus;
import org.parley.api.stakeholder.v1.Standards;
import org.parley.api.stakeholder.v1.StandardsServiceGrpc;
import org.parley.common.testkit.FakeGrpcServer;

/**
 * stakeholder-service as far as appeal-service asks it, served for real over a socket on a random port.
 * Every company is an ACTIVE company named "Company &lt;first 8 chars of its id&gt;" unless a test says
 * otherwise; the standards carry four categories, one of them an incitement category.
 */
public final class FakeStakeholderService implements AutoCloseable {

    public static final String INCITEMENT = "INCITEMENT_TO_VIOLENCE";
    public static final String TERRORIST_CONTENT = "TERRORIST_CONTENT";

    private final FakeGrpcServer server;
    private final Map<String, Integer> committedDays = new ConcurrentHashMap<>();
    private final Set<String> suspended = ConcurrentHashMap.newKeySet();
    private final Set<String> states = ConcurrentHashMap.newKeySet();
    private final Map<String, String> members = new ConcurrentHashMap<>();
    private final AtomicInteger standardsCalls = new AtomicInteger();
    private volatile int k;
    private volatile int version;

    private FakeStakeholderService() {
        server = FakeGrpcServer.start("stakeholder-service", new StandardsImpl(), new CommitmentsImpl(), new StakeholdersImpl());
        reset();
    }

    public static FakeStakeholderService start() {
        return new FakeStakeholderService();
    }

    public String address() {
        return server.address();
    }

    public void reset() {
        committedDays.clear();
        suspended.clear();
        states.clear();
        members.clear();
        k = 5;
        version = 3;
        server.refuseCalls(false);
    }

    public void commit(String company, int days) {
        committedDays.put(company, days);
    }

    public void suspend(String company) {
        suspended.add(company);
    }

    public void isState(String stakeholder) {
        states.add(stakeholder);
    }

    /** The account acts for the company as its responder. */
    public void member(String company, Actor responder) {
        members.put(company + "/" + responder.subject(), responder.username());
    }

    public void transparencyK(int value) {
        k = value;
    }

    /** While true, every call is answered UNAVAILABLE. */
    public void down(boolean value) {
        server.refuseCalls(value);
    }

    public int standardsVersion() {
        return version;
    }

    public int standardsCalls() {
        return standardsCalls.get();
    }

    public String lastAuthorization() {
        return server.lastAuthorization();
    }

    @Override
    public void close() {
        server.close();
    }

    private final class StandardsImpl extends StandardsServiceGrpc.StandardsServiceImplBase {
        @Override
        public void getActiveStandards(GetActiveStandardsRequest request, StreamObserver<GetActiveStandardsResponse> out) {
            standardsCalls.incrementAndGet();
            out.onNext(GetActiveStandardsResponse.newBuilder().setStandards(Standards.newBuilder()
                    .setVersion(version)
                    .addAllContentCategories(List.of(
                            category(TERRORIST_CONTENT, "Terrorist content", false),
                            category(INCITEMENT, "Incitement to violence", true),
                            category("VIOLENT_EXTREMIST_PROPAGANDA", "Violent extremist propaganda", false),
                            category("GLORIFICATION_OF_ATTACK", "Glorification of an attack", false)))
                    .setRequestRules(RequestRules.newBuilder().setTransparencyK(k)))
                    .build());
            out.onCompleted();
        }

        private static ContentCategory category(String code, String name, boolean incitement) {
            return ContentCategory.newBuilder().setCode(code).setName(name).setIncitement(incitement).build();
        }
    }

    private final class CommitmentsImpl extends CommitmentServiceGrpc.CommitmentServiceImplBase {
        @Override
        public void getAppealDecisionTime(GetAppealDecisionTimeRequest request,
                StreamObserver<GetAppealDecisionTimeResponse> out) {
            Integer days = committedDays.get(request.getCompanyId());
            out.onNext(days == null
                    ? GetAppealDecisionTimeResponse.newBuilder().setCommitted(false).build()
                    : GetAppealDecisionTimeResponse.newBuilder().setCommitted(true).setDays(days)
                            .setCommitmentId("commitment-of-" + request.getCompanyId()).build());
            out.onCompleted();
        }
    }

    private final class StakeholdersImpl extends StakeholderServiceGrpc.StakeholderServiceImplBase {
        @Override
        public void getStakeholder(GetStakeholderRequest request, StreamObserver<GetStakeholderResponse> out) {
            String id = request.getId();
            out.onNext(GetStakeholderResponse.newBuilder().setStakeholder(Stakeholder.newBuilder()
                    .setId(id)
                    .setName((states.contains(id) ? "Authority " : "Company ") + id.substring(0, Math.min(8, id.length())))
                    .setKind(states.contains(id) ? StakeholderKind.STAKEHOLDER_KIND_STATE : StakeholderKind.STAKEHOLDER_KIND_COMPANY)
                    .setStatus(suspended.contains(id) ? StakeholderStatus.STAKEHOLDER_STATUS_SUSPENDED
                            : StakeholderStatus.STAKEHOLDER_STATUS_ACTIVE))
                    .build());
            out.onCompleted();
        }

        @Override
        public void checkMembership(CheckMembershipRequest request, StreamObserver<CheckMembershipResponse> out) {
            String username = members.get(request.getStakeholderId() + "/" + request.getSubject());
            out.onNext(username == null
                    ? CheckMembershipResponse.newBuilder().setMember(false).build()
                    : CheckMembershipResponse.newBuilder().setMember(true).setUsername(username).build());
            out.onCompleted();
        }
    }
}
