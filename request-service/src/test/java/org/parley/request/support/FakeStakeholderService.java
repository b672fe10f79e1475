package org.parley.request.support;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.parley.api.common.v1.RequestType;
import org.parley.api.stakeholder.v1.AnswerTime;
import org.parley.api.stakeholder.v1.BatchGetStakeholdersRequest;
import org.parley.api.stakeholder.v1.BatchGetStakeholdersResponse;
import org.parley.api.stakeholder.v1.ContactPoint;
import org.parley.api.stakeholder.v1.GetActiveStandardsRequest;
import org.parley.api.stakeholder.v1.GetActiveStandardsResponse;
import org.parley.api.stakeholder.v1.GetStakeholderRequest;
import org.parley.api.stakeholder.v1.GetStakeholderResponse;
import org.parley.api.stakeholder.v1.Stakeholder;
import org.parley.api.stakeholder.v1.StakeholderKind;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.api.stakeholder.v1.StakeholderStatus;
import org.parley.api.stakeholder.v1.Standards;
import org.parley.api.stakeholder.v1.StandardsServiceGrpc;
import org.parley.common.testkit.FakeCompanyEventHub;
import org.parley.common.testkit.FakeGrpcServer;

/**
 * stakeholder-service as request-service sees it, served over a real socket by an in-test gRPC
 * server: stakeholders the tests register and suspend, and the standards they publish.
 */
public final class FakeStakeholderService {

    private static FakeStakeholderService instance;

    private final Map<String, Stakeholder> stakeholders = new ConcurrentHashMap<>();
    private final AtomicReference<Standards> standards = new AtomicReference<>(standards(1));
    private final AtomicInteger activeStandardsCalls = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final FakeGrpcServer server;
    private final FakeCompanyEventHub hub = new FakeCompanyEventHub(id -> stakeholders.containsKey(id));

    /** A fake of its own, for a test that stops and restarts it. */
    public static FakeStakeholderService separate() {
        return new FakeStakeholderService();
    }

    private FakeStakeholderService() {
        this.server = FakeGrpcServer.start("stakeholder-service", new Directory(), new Catalogue(), hub);
    }

    /** Stops serving, as a stakeholder-service that went down. */
    public void stop() {
        server.down();
    }

    /** Serves again on the same port, as a stakeholder-service that came back. */
    public void restart() {
        server.up();
    }

    /** The one fake of the test JVM, started on first use. */
    public static synchronized FakeStakeholderService get() {
        if (instance == null) {
            instance = new FakeStakeholderService();
        }
        return instance;
    }

    public int port() {
        return server.port();
    }

    /** stakeholder-service as the hub that takes company events. */
    public FakeCompanyEventHub hub() {
        return hub;
    }

    public UUID registerState(String name, String country) {
        UUID id = UUID.randomUUID();
        stakeholders.put(id.toString(), Stakeholder.newBuilder().setId(id.toString()).setKind(StakeholderKind.STAKEHOLDER_KIND_STATE)
                .setName(name).setCountry(country).addJurisdictions(country)
                .setStatus(StakeholderStatus.STAKEHOLDER_STATUS_ACTIVE).build());
        return id;
    }

    public UUID registerCompany(String name, List<String> jurisdictions) {
        UUID id = UUID.randomUUID();
        stakeholders.put(id.toString(), Stakeholder.newBuilder().setId(id.toString())
                .setKind(StakeholderKind.STAKEHOLDER_KIND_COMPANY).setName(name).setCountry("IE")
                .addAllJurisdictions(jurisdictions).setStatus(StakeholderStatus.STAKEHOLDER_STATUS_ACTIVE)
                .setContactPoint(ContactPoint.newBuilder().setEmail("orders@example.com").addLanguages("en").setHours("24/7"))
                .build());
        return id;
    }

    public void suspend(UUID id) {
        stakeholders.computeIfPresent(id.toString(),
                (key, s) -> s.toBuilder().setStatus(StakeholderStatus.STAKEHOLDER_STATUS_SUSPENDED).build());
    }

    public void publish(Standards published) {
        standards.set(published);
    }

    public Standards active() {
        return standards.get();
    }

    public int activeStandardsCalls() {
        return activeStandardsCalls.get();
    }

    public int lookups() {
        return lookups.get();
    }

    /** The authorization header of the last call, null when it carried none. */
    public String lastAuthorization() {
        return server.lastAuthorization();
    }

    /** Standards as the catalogue would publish them, with the usual parameters. */
    public static Standards standards(int version) {
        return Standards.newBuilder()
                .setVersion(version)
                .setRequestRules(org.parley.api.stakeholder.v1.RequestRules.newBuilder()
                        .setMinStatementLength(50)
                        .setOverbreadthSubjectThreshold(25)
                        .addJudicialAuthorisationRequiredFor(org.parley.api.common.v1.DataCategory.DATA_CATEGORY_CONTENT)
                        .setMaxInformationPeriodDays(366)
                        .setMaxGagDays(180)
                        .setTransparencyK(5)
                        .addAnswerTimes(AnswerTime.newBuilder().setType(RequestType.REQUEST_TYPE_REMOVAL_ORDER).setMinutes(60))
                        .addAnswerTimes(AnswerTime.newBuilder().setType(RequestType.REQUEST_TYPE_EMERGENCY_DISCLOSURE).setMinutes(240))
                        .addAnswerTimes(AnswerTime.newBuilder().setType(RequestType.REQUEST_TYPE_REFERRAL).setMinutes(10080).setAdvisory(true))
                        .addAllLegitimateAims(List.of("RIGHTS_OF_OTHERS", "NATIONAL_SECURITY", "PUBLIC_ORDER",
                                "PUBLIC_HEALTH", "PUBLIC_MORALS")))
                .build();
    }

    private final class Directory extends StakeholderServiceGrpc.StakeholderServiceImplBase {
        @Override
        public void getStakeholder(GetStakeholderRequest request, StreamObserver<GetStakeholderResponse> response) {
            lookups.incrementAndGet();
            Stakeholder found = stakeholders.get(request.getId());
            if (found == null) {
                response.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            response.onNext(GetStakeholderResponse.newBuilder().setStakeholder(found).build());
            response.onCompleted();
        }

        @Override
        public void batchGetStakeholders(BatchGetStakeholdersRequest request,
                StreamObserver<BatchGetStakeholdersResponse> response) {
            lookups.incrementAndGet();
            BatchGetStakeholdersResponse.Builder answer = BatchGetStakeholdersResponse.newBuilder();
            request.getIdsList().stream().map(stakeholders::get).filter(java.util.Objects::nonNull)
                    .forEach(answer::addStakeholders);
            response.onNext(answer.build());
            response.onCompleted();
        }
    }

    private final class Catalogue extends StandardsServiceGrpc.StandardsServiceImplBase {
        @Override
        public void getActiveStandards(GetActiveStandardsRequest request, StreamObserver<GetActiveStandardsResponse> response) {
            activeStandardsCalls.incrementAndGet();
            response.onNext(GetActiveStandardsResponse.newBuilder().setStandards(standards.get()).build());
            response.onCompleted();
        }
    }
}
