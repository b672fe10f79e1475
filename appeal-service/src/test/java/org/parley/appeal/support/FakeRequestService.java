package org.parley.appeal.support;

import com.google.protobuf.Timestamp;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * request-service's request summaries, served for real over a socket. It can be stopped and started again
 * on the same port, to see what appeal-service does while request-service is down.
 */
public final class FakeRequestService implements AutoCloseable {

    private final Map<String, RequestSummary> requests = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile String lastAuthorization = "none yet";
    private volatile Server server;
    private final int port;

    private FakeRequestService() {
        server = build(0);
        port = server.getPort();
    }

    public static FakeRequestService start() {
        return new FakeRequestService();
    }

    public String address() {
        return "static://127.0.0.1:" + port;
    }

    public void reset() {
        if (server.isShutdown()) {
            startAgain();
        }
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

    public void stop() {
        server.shutdownNow();
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void startAgain() {
        server = build(port);
    }

    public int calls() {
        return calls.get();
    }

    /** The authorization header of the last call, or null when it came without one. */
    public String lastAuthorization() {
        return lastAuthorization;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private Server build(int onPort) {
        ServerInterceptor headers = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata metadata,
                    ServerCallHandler<Q, R> next) {
                lastAuthorization = metadata.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
                return next.startCall(call, metadata);
            }
        };
        try {
            return NettyServerBuilder.forPort(onPort)
                    .addService(ServerInterceptors.intercept(new RequestsImpl(), headers))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class RequestsImpl extends RequestServiceGrpc.RequestServiceImplBase {
        @Override
        public void getRequestSummary(GetRequestSummaryRequest request, StreamObserver<GetRequestSummaryResponse> out) {
            calls.incrementAndGet();
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
