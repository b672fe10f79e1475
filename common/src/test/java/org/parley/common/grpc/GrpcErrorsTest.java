package org.parley.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.Unavailable;
import org.springframework.http.HttpStatus;

class GrpcErrorsTest {

    final GrpcErrors errors = new GrpcErrors("request-service");

    @Test
    void refusalsMapToExplicitCodesWithErrorInfo() throws Exception {
        assertThat(code(new NotFound("request", "x"))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(new Forbidden("no"))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(new Conflict("ILLEGAL_TRANSITION", "no"))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(code(RuleViolation.ofField("ids", "too many"))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(code(new Unavailable("stakeholder-service"))).isEqualTo(Status.Code.UNAVAILABLE);

        com.google.rpc.Status status = StatusProto.fromThrowable(errors.handleException(new NotFound("request", "x")));
        ErrorInfo info = status.getDetails(0).unpack(ErrorInfo.class);
        assertThat(info.getReason()).isEqualTo("REQUEST_NOT_FOUND");
        assertThat(info.getDomain()).isEqualTo("request-service");
    }

    @Test
    void fieldErrorsTravelAsBadRequestViolations() throws Exception {
        StatusException e = errors.handleException(RuleViolation.ofFields(List.of(
                new RuleViolation.FieldError("company_id", "is required"))));

        BadRequest badRequest = StatusProto.fromThrowable(e).getDetails(1).unpack(BadRequest.class);
        assertThat(badRequest.getFieldViolations(0).getField()).isEqualTo("company_id");
    }

    @Test
    void anythingElseIsAGenericInternalErrorWithoutItsText() {
        StatusException e = errors.handleException(new IllegalStateException("password=hunter2"));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(e.getStatus().getDescription()).isEqualTo("internal error");
    }

    @Test
    void theHttpTableFollowsTheStyleGuide() {
        assertThat(GrpcHttpStatus.toHttp(Status.Code.NOT_FOUND)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(GrpcHttpStatus.toHttp(Status.Code.INVALID_ARGUMENT)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(GrpcHttpStatus.toHttp(Status.Code.UNAUTHENTICATED)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(GrpcHttpStatus.toHttp(Status.Code.PERMISSION_DENIED)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(GrpcHttpStatus.toHttp(Status.Code.FAILED_PRECONDITION)).isEqualTo(HttpStatus.CONFLICT);
        assertThat(GrpcHttpStatus.toHttp(Status.Code.UNAVAILABLE)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(GrpcHttpStatus.toHttp(Status.Code.DEADLINE_EXCEEDED)).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
    }

    private Status.Code code(RuntimeException e) {
        return errors.handleException(e).getStatus().getCode();
    }
}
