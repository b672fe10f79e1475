package org.parley.appeal.support;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.api.common.v1.LegalBasis;
import org.parley.api.common.v1.RequestType;
import org.parley.api.request.v1.GetRequestSummaryRequest;
import org.parley.api.request.v1.GetRequestSummaryResponse;
import org.parley.api.request.v1.RequestServiceGrpc;
import org.parley.api.request.v1.RequestState;
import org.parley.api.request.v1.RequestSummary;
import org.parley.common.testkit.FakeGrpcServer;

/**
 * request-service's request summaries, served for real over a socket. It can be stopped and started again
 * on the same port, to see what appeal-service does while request-service is down.
 */
public final class FakeRequestService implements AutoCloseable {

    private final Map<String, RequestSummary> requests = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private final FakeGrpcServer server;

    private FakeRequestService() {
        server = FakeGrpcServer.start("request-service", new RequestsImpl());
    }

    public static FakeRequestService start() {
        return new FakeRequestService();
    }

    public String address() {
        return server.address();
    }

    public void reset() {
        server.up();
        delay = Duration.ZERO;
    }

    /** Every answer from now on takes {@code delay} (still within the callers' deadline), until {@link #reset()}. */
    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    /** A removal order of a German authority to the company; answers its id. */
    public String removalOrder(String company) {
        return add(company, RequestType.REQUEST_TYPE_REMOVAL_ORDER, null);
    }

    /** A removal order under a gag order until {@code until}: the summary hides authority, type and legal basis. */
    public String gaggedRemovalOrder(String company, Instant until) {
        return add(company, RequestType.REQUEST_TYPE_REMOVAL_ORDER, until);
    }

    public String informationRequest(String company) {
        return add(company, RequestType.REQUEST_TYPE_INFORMATION, null);
    }

    private String add(String company, RequestType type, Instant gagUntil) {
        String id = UUID.randomUUID().toString();
        RequestSummary.Builder summary = RequestSummary.newBuilder()
                .setId(id)
                .setTargetCompanyId(company)
                .setState(RequestState.REQUEST_STATE_FULFILLED);
        if (gagUntil != null) {
            summary.setConfidential(true)
                    .setConfidentialUntil(Timestamp.newBuilder().setSeconds(gagUntil.getEpochSecond()));
        } else {
            summary.setAuthorityId("01930000-0000-7000-8000-00000000a001")
                    .setAuthorityName("Germany: Federal Office for Online Safety")
                    .setAuthorityCountry("DE")
                    .setType(type)
                    .setLegalBasis(LegalBasis.newBuilder().setInstrument("Regulation (EU) 2021/784")
                            .setProvision("Art. 3").setJurisdiction("DE"));
        }
        requests.put(id, summary.build());
        return id;
    }

    /** The gag order ends: the summary shows everything from now on. */
    public void liftGag(String id) {
        RequestSummary gagged = requests.get(id);
        requests.put(id, gagged.toBuilder().setConfidential(false)
                .setAuthorityName("Germany: Federal Office for Online Safety").setAuthorityCountry("DE")
                .setType(RequestType.REQUEST_TYPE_REMOVAL_ORDER)
                .setLegalBasis(LegalBasis.newBuilder().setInstrument("Regulation (EU) 2021/784").setProvision("Art. 3")
                        .setJurisdiction("DE"))
                .build());
    }

    /** Stops listening: the port refuses connections until {@link #startAgain()}. */
    public void stop() {
        server.down();
    }

    public void startAgain() {
        server.up();
    }

    public int calls() {
        return calls.get();
    }

    /** The authorization header of the last call, or null when it came without one. */
    public String lastAuthorization() {
        return calls.get() == 0 ? "none yet" : server.lastAuthorization();
    }

    @Override
    public void close() {
        server.close();
    }

    private void pause() {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class RequestsImpl extends RequestServiceGrpc.RequestServiceImplBase {
        @Override
        public void getRequestSummary(GetRequestSummaryRequest request, StreamObserver<GetRequestSummaryResponse> out) {
            calls.incrementAndGet();
            pause();
            RequestSummary summary = requests.get(request.getId());
            if (summary == null) {
                out.onError(Status.NOT_FOUND.withDescription("No request " + request.getId()).asRuntimeException());
                return;
            }
            out.onNext(GetRequestSummaryResponse.newBuilder().setSummary(summary).build());
            out.onCompleted();
        }
    }
}
