package org.parley.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.api.stakeholder.v1.GetStakeholderRequest;
import org.parley.api.stakeholder.v1.GetStakeholderResponse;
import org.parley.api.stakeholder.v1.Stakeholder;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;
import org.parley.common.security.CurrentCaller;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.parley.common.testkit.TestTokens;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Deny by default, health open, the caller known to the handler, the token and a deadline sent onwards. */
class GrpcSecurityTest {

    static final JwtDecoder DECODER = TestSecurityConfiguration.decoder();

    Server server;
    ManagedChannel channel;
    final AtomicReference<Caller> seen = new AtomicReference<>();
    final AtomicReference<String> correlationSeen = new AtomicReference<>();
    final AtomicReference<String> subjectSeen = new AtomicReference<>();
    final AtomicReference<Metadata> onward = new AtomicReference<>();
    final AtomicReference<CallOptions> onwardOptions = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        String name = InProcessServerBuilder.generateName();
        HealthStatusManager health = new HealthStatusManager();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(new EchoCaller(), new BearerTokenServerInterceptor(DECODER)))
                .addService(ServerInterceptors.intercept(health.getHealthService(), new BearerTokenServerInterceptor(DECODER)))
                .build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aCallWithoutATokenIsUnauthenticated() {
        assertThatThrownBy(() -> StakeholderServiceGrpc.newBlockingStub(channel).getStakeholder(request()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void aForgedOrForeignTokenIsUnauthenticated() {
        String foreign = TestTokens.sign(TestTokens.claims("x", null, Role.ADMIN).audience("other").build());
        for (String token : new String[] {"not-a-jwt", foreign}) {
            assertThatThrownBy(() -> stub("Bearer " + token).getStakeholder(request()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        }
    }

    @Test
    void healthNeedsNoToken() {
        assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void theHandlerSeesTheCallerAndForwardsItsTokenWithADeadline() {
        String token = TestTokens.bearer("responder-1", "01930000-0000-7000-8000-00000000c001", Role.COMPANY_RESPONDER);

        Stakeholder answer = stub(token).getStakeholder(request()).getStakeholder();

        assertThat(answer.getName()).isEqualTo("responder-1");
        assertThat(seen.get().actsFor("01930000-0000-7000-8000-00000000c001", Role.COMPANY_RESPONDER)).isTrue();
        assertThat(onward.get().get(BearerTokenServerInterceptor.AUTHORIZATION)).isEqualTo(token);
        assertThat(onwardOptions.get().getDeadline()).isNotNull();
        assertThat(onwardOptions.get().getDeadline().timeRemaining(TimeUnit.MILLISECONDS)).isBetween(1L, 2_000L);
    }

    @Test
    void theCorrelationIdAndTheCallersSubjectAreInTheCallsLogContextButNotLeftBehind() {
        Metadata headers = new Metadata();
        headers.put(BearerTokenServerInterceptor.AUTHORIZATION, TestTokens.bearer("admin", null, Role.ADMIN));
        headers.put(BearerTokenServerInterceptor.CORRELATION_ID, "corr-42");

        StakeholderServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .getStakeholder(request());

        assertThat(correlationSeen.get()).isEqualTo("corr-42");
        // and the caller's token subject, never the token
        assertThat(subjectSeen.get()).isEqualTo(java.util.UUID.nameUUIDFromBytes("admin".getBytes()).toString());
        assertThat(onward.get().get(BearerTokenServerInterceptor.CORRELATION_ID)).isEqualTo("corr-42");
        // the server runs on this thread here (direct executor): the id must be gone once the call is done
        assertThat(org.slf4j.MDC.get("correlationId")).isNull();
        assertThat(org.slf4j.MDC.get("callerSubject")).isNull();
    }

    @Test
    void aMissingOrUnsafeCorrelationIdIsReplacedByANewOneAsOverHttp() {
        for (String given : new String[] {null, "a b\" <script>", "x".repeat(101)}) {
            Metadata headers = new Metadata();
            headers.put(BearerTokenServerInterceptor.AUTHORIZATION, TestTokens.bearer("admin", null, Role.ADMIN));
            if (given != null) {
                headers.put(BearerTokenServerInterceptor.CORRELATION_ID, given);
            }

            StakeholderServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .getStakeholder(request());

            assertThat(correlationSeen.get()).as(given).matches("[0-9a-f-]{36}");
            assertThat(onward.get().get(BearerTokenServerInterceptor.CORRELATION_ID)).isEqualTo(correlationSeen.get());
        }
    }

    @Test
    void asServiceSendsTheServicesOwnTokenInstead() {
        String token = TestTokens.bearer("appellant-1", null, Role.APPELLANT);

        stub(token).getStakeholder(GetStakeholderRequest.newBuilder().setId(EchoCaller.AS_SERVICE_ID).build());

        assertThat(onward.get().get(BearerTokenServerInterceptor.AUTHORIZATION)).isEqualTo("Bearer service-token");
    }

    @Test
    void aCallWithNoCallerIsRefusedBeforeItLeavesInsteadOfGoingWithTheServicesToken() {
        var forwarding = new CallerForwardingClientInterceptor(Duration.ofSeconds(2), () -> Optional.of("service-token"));
        var stub = StakeholderServiceGrpc.newBlockingStub(ClientInterceptors.intercept(channel, forwarding));

        assertThatThrownBy(() -> stub.getStakeholder(request()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
                    assertThat(e.getStatus().getDescription()).contains("no caller", "GetStakeholder", "asService");
                });
        assertThat(seen.get()).as("the call never reached the server").isNull();
    }

    @Test
    void workOnTheServicesOwnAccountSaysSoAtTheCallSite() {
        var forwarding = new CallerForwardingClientInterceptor(Duration.ofSeconds(2), () -> Optional.of(
                TestTokens.token("service-account-parley-service", null, Role.SERVICE)));
        var stub = StakeholderServiceGrpc.newBlockingStub(ClientInterceptors.intercept(channel, forwarding));

        CallerForwardingClientInterceptor.asService(stub, Caller.service("test-service")).getStakeholder(request());

        assertThat(seen.get().has(Role.SERVICE)).isTrue();
        assertThatThrownBy(() -> CallerForwardingClientInterceptor.asService(stub,
                new Caller("someone", "someone", java.util.Set.of(Role.ADMIN), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private StakeholderServiceGrpc.StakeholderServiceBlockingStub stub(String authorization) {
        Metadata headers = new Metadata();
        headers.put(BearerTokenServerInterceptor.AUTHORIZATION, authorization);
        return StakeholderServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static GetStakeholderRequest request() {
        return GetStakeholderRequest.newBuilder().setId("x").build();
    }

    /** Answers with the caller's name and makes an onward call through the forwarding interceptor. */
    final class EchoCaller extends StakeholderServiceGrpc.StakeholderServiceImplBase {
        static final String AS_SERVICE_ID = "as-service";

        @Override
        public void getStakeholder(GetStakeholderRequest request, StreamObserver<GetStakeholderResponse> response) {
            Caller caller = CurrentCaller.get();
            seen.set(caller);
            correlationSeen.set(org.slf4j.MDC.get("correlationId"));
            subjectSeen.set(org.slf4j.MDC.get("callerSubject"));
            Channel recorder = new Channel() {
                @Override
                public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
                    onwardOptions.set(options);
                    return new ClientCall<>() {
                        @Override
                        public void start(Listener<R> listener, Metadata headers) {
                            onward.set(headers);
                        }

                        @Override
                        public void request(int numMessages) {}

                        @Override
                        public void cancel(String message, Throwable cause) {}

                        @Override
                        public void halfClose() {}

                        @Override
                        public void sendMessage(Q message) {}
                    };
                }

                @Override
                public String authority() {
                    return "onward";
                }
            };
            ClientInterceptor forwarding = new CallerForwardingClientInterceptor(Duration.ofSeconds(2), () -> Optional.of("service-token"));
            CallOptions options = CallOptions.DEFAULT;
            if (AS_SERVICE_ID.equals(request.getId())) {
                options = options.withOption(CallerForwardingClientInterceptor.AS_SERVICE, Caller.service("test-service"));
            }
            ClientInterceptors.intercept(recorder, forwarding)
                    .newCall(StakeholderServiceGrpc.getGetStakeholderMethod(), options)
                    .start(new ClientCall.Listener<>() {}, new Metadata());
            response.onNext(GetStakeholderResponse.newBuilder()
                    .setStakeholder(Stakeholder.newBuilder().setName(caller.username())).build());
            response.onCompleted();
        }
    }
}
