package org.parley.stakeholder.support;

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
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.api.appeal.v1.AppealServiceGrpc;
import org.parley.api.common.v1.IndicatorValue;
import org.parley.api.common.v1.Period;
import org.parley.api.request.v1.GetComplianceMetricsRequest;
import org.parley.api.request.v1.GetComplianceMetricsResponse;
import org.parley.api.request.v1.RequestServiceGrpc;

/**
 * Fakes of request-service and appeal-service at the boundary: real gRPC servers on random ports
 * that answer {@code GetComplianceMetrics} as a test tells them to, and can be stopped and started
 * again on the same port to play an outage.
 */
public final class FakeMetricsServices {

    /** How a fake answers. */
    public enum Mode { ANSWER, UNIMPLEMENTED, HANG }

    public final Fake requests = new Fake("request-service") {
        @Override
        io.grpc.ServerServiceDefinition service() {
            return new RequestServiceGrpc.RequestServiceImplBase() {
                @Override
                public void getComplianceMetrics(GetComplianceMetricsRequest request,
                        StreamObserver<GetComplianceMetricsResponse> response) {
                    answer(request.getCompanyId(), request.getPeriod(), response,
                            values -> GetComplianceMetricsResponse.newBuilder().setCompanyId(request.getCompanyId())
                                    .setPeriod(request.getPeriod()).addAllValues(values).build());
                }
            }.bindService();
        }
    };

    public final Fake appeals = new Fake("appeal-service") {
        @Override
        io.grpc.ServerServiceDefinition service() {
            return new AppealServiceGrpc.AppealServiceImplBase() {
                @Override
                public void getComplianceMetrics(org.parley.api.appeal.v1.GetComplianceMetricsRequest request,
                        StreamObserver<org.parley.api.appeal.v1.GetComplianceMetricsResponse> response) {
                    answer(request.getCompanyId(), request.getPeriod(), response,
                            values -> org.parley.api.appeal.v1.GetComplianceMetricsResponse.newBuilder()
                                    .setCompanyId(request.getCompanyId()).setPeriod(request.getPeriod())
                                    .addAllValues(values).build());
                }
            }.bindService();
        }
    };

    public static FakeMetricsServices start() {
        FakeMetricsServices fakes = new FakeMetricsServices();
        fakes.requests.start();
        fakes.appeals.start();
        return fakes;
    }

    public void reset() {
        requests.reset();
        appeals.reset();
    }

    /** One fake service. */
    public abstract static class Fake {
        private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

        private final String name;
        private volatile Server server;
        private volatile int port;
        private volatile Mode mode = Mode.ANSWER;
        private volatile List<IndicatorValue> values = List.of();
        private final AtomicInteger calls = new AtomicInteger();
        private volatile String lastCompanyId;
        private volatile Period lastPeriod;
        private volatile String lastAuthorization;

        Fake(String name) {
            this.name = name;
        }

        abstract io.grpc.ServerServiceDefinition service();

        public int port() {
            return port;
        }

        public void answer(IndicatorValue... answer) {
            mode = Mode.ANSWER;
            values = List.of(answer);
        }

        public void mode(Mode newMode) {
            mode = newMode;
        }

        public int calls() {
            return calls.get();
        }

        public String lastCompanyId() {
            return lastCompanyId;
        }

        public Period lastPeriod() {
            return lastPeriod;
        }

        /** The authorization metadata of the last call, or null when it carried none. */
        public String lastAuthorization() {
            return lastAuthorization;
        }

        void reset() {
            mode = Mode.ANSWER;
            values = List.of();
            calls.set(0);
            lastCompanyId = null;
            lastPeriod = null;
            lastAuthorization = null;
            if (server == null) {
                start();
            }
        }

        /** Starts the server, on the port it had before if it ran already. */
        public synchronized void start() {
            if (server != null) {
                return;
            }
            ServerInterceptor remember = new ServerInterceptor() {
                @Override
                public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                    lastAuthorization = headers.get(AUTHORIZATION);
                    return next.startCall(call, headers);
                }
            };
            try {
                server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                        .addService(ServerInterceptors.intercept(service(), remember))
                        .build()
                        .start();
                port = server.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the fake " + name, e);
            }
        }

        /** Plays an outage: the port refuses connections until {@link #start()}. */
        public synchronized void stop() {
            if (server != null) {
                server.shutdownNow();
                try {
                    server.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                server = null;
            }
        }

        <T> void answer(String companyId, Period period, StreamObserver<T> response,
                java.util.function.Function<List<IndicatorValue>, T> build) {
            calls.incrementAndGet();
            lastCompanyId = companyId;
            lastPeriod = period;
            switch (mode) {
                case ANSWER -> {
                    response.onNext(build.apply(values));
                    response.onCompleted();
                }
                case UNIMPLEMENTED -> response.onError(Status.UNIMPLEMENTED.withDescription("not yet").asRuntimeException());
                case HANG -> {
                    // never answers: the caller's deadline ends the call
                }
            }
        }
    }
}
