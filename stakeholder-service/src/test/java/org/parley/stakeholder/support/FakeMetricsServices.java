package org.parley.stakeholder.support;

import io.grpc.BindableService;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.api.appeal.v1.AppealServiceGrpc;
import org.parley.api.common.v1.IndicatorValue;
import org.parley.api.common.v1.Period;
import org.parley.api.request.v1.GetComplianceMetricsRequest;
import org.parley.api.request.v1.GetComplianceMetricsResponse;
import org.parley.api.request.v1.RequestServiceGrpc;
import org.parley.common.testkit.FakeGrpcServer;

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
        BindableService service() {
            return new RequestServiceGrpc.RequestServiceImplBase() {
                @Override
                public void getComplianceMetrics(GetComplianceMetricsRequest request,
                        StreamObserver<GetComplianceMetricsResponse> response) {
                    answer(request.getCompanyId(), request.getPeriod(), response,
                            values -> GetComplianceMetricsResponse.newBuilder().setCompanyId(request.getCompanyId())
                                    .setPeriod(request.getPeriod()).addAllValues(values).build());
                }
            };
        }
    };

    public final Fake appeals = new Fake("appeal-service") {
        @Override
        BindableService service() {
            return new AppealServiceGrpc.AppealServiceImplBase() {
                @Override
                public void getComplianceMetrics(org.parley.api.appeal.v1.GetComplianceMetricsRequest request,
                        StreamObserver<org.parley.api.appeal.v1.GetComplianceMetricsResponse> response) {
                    answer(request.getCompanyId(), request.getPeriod(), response,
                            values -> org.parley.api.appeal.v1.GetComplianceMetricsResponse.newBuilder()
                                    .setCompanyId(request.getCompanyId()).setPeriod(request.getPeriod())
                                    .addAllValues(values).build());
                }
            };
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
        private final String name;
        private volatile FakeGrpcServer server;
        private volatile Mode mode = Mode.ANSWER;
        private volatile List<IndicatorValue> values = List.of();
        private final AtomicInteger calls = new AtomicInteger();
        private volatile String lastCompanyId;
        private volatile Period lastPeriod;

        Fake(String name) {
            this.name = name;
        }

        abstract BindableService service();

        public int port() {
            return server.port();
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
            return server.lastAuthorization();
        }

        void reset() {
            mode = Mode.ANSWER;
            values = List.of();
            calls.set(0);
            lastCompanyId = null;
            lastPeriod = null;
            if (server == null) {
                start();
            }
            server.reset();
        }

        /** Starts the server, on the port it had before if it ran already. */
        public synchronized void start() {
            if (server == null) {
                server = FakeGrpcServer.start(name, service());
            } else {
                server.up();
            }
        }

        /** Plays an outage: the port refuses connections until {@link #start()}. */
        public synchronized void stop() {
            if (server != null) {
                server.down();
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
