package org.parley.common.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

class DownstreamFailuresTest {

    @Test
    void aDownstreamThatIsNotServingIsAnOutage() {
        for (Status status : new Status[] {Status.UNAVAILABLE, Status.DEADLINE_EXCEEDED, Status.RESOURCE_EXHAUSTED,
                Status.INTERNAL, Status.UNKNOWN, Status.DATA_LOSS, Status.UNAUTHENTICATED}) {
            assertThat(DownstreamFailures.isOutage(status.asRuntimeException())).as(status.getCode().name()).isTrue();
        }
        assertThat(DownstreamFailures.isOutage(new IllegalStateException("no token"))).isTrue();
    }

    @Test
    void anAnswerAboutTheRequestOrAMissingMethodIsNot() {
        for (Status status : new Status[] {Status.NOT_FOUND, Status.INVALID_ARGUMENT, Status.PERMISSION_DENIED,
                Status.FAILED_PRECONDITION, Status.ALREADY_EXISTS, Status.UNIMPLEMENTED}) {
            assertThat(DownstreamFailures.isOutage(status.asRuntimeException())).as(status.getCode().name()).isFalse();
        }
    }

    @Test
    void onlyUnavailableIsRetried() {
        assertThat(DownstreamFailures.isRetryable(Status.UNAVAILABLE.asRuntimeException())).isTrue();
        assertThat(DownstreamFailures.isRetryable(Status.DEADLINE_EXCEEDED.asRuntimeException())).isFalse();
        assertThat(DownstreamFailures.isRetryable(new IllegalStateException())).isFalse();
    }
}
