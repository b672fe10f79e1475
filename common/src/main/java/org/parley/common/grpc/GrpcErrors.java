package org.parley.common.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.ParleyException;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * The one place where an exception becomes a gRPC status: domain refusals to explicit codes with
 * {@code google.rpc.ErrorInfo} (and {@code BadRequest} field violations), anything else to a generic
 * INTERNAL.
 */
public final class GrpcErrors implements GrpcExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);

    private final String domain;

    public GrpcErrors(String domain) {
        this.domain = domain;
    }

    @Override
    public StatusException handleException(Throwable exception) {
        if (exception instanceof StatusException already) {
            return already;
        }
        if (exception instanceof io.grpc.StatusRuntimeException runtime) {
            return runtime.getStatus().asException(runtime.getTrailers());
        }
        if (!(exception instanceof ParleyException refusal)) {
            log.error("unexpected failure in a gRPC call", exception);
            return StatusProto.toStatusException(com.google.rpc.Status.newBuilder()
                    .setCode(Code.INTERNAL_VALUE).setMessage("internal error").build());
        }
        Code code = switch (refusal) {
            case NotFound n -> Code.NOT_FOUND;
            case Forbidden f -> Code.PERMISSION_DENIED;
            case Conflict c -> Code.FAILED_PRECONDITION;
            case RuleViolation r -> Code.INVALID_ARGUMENT;
            case Unavailable u -> Code.UNAVAILABLE;
        };
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(refusal.getMessage())
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(refusal.reason()).setDomain(domain).build()));
        if (refusal instanceof RuleViolation violation && !violation.fieldErrors().isEmpty()) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            violation.fieldErrors().forEach(error -> badRequest.addFieldViolations(
                    BadRequest.FieldViolation.newBuilder().setField(error.field()).setDescription(error.message())));
            status.addDetails(Any.pack(badRequest.build()));
        }
        return StatusProto.toStatusException(status.build());
    }
}
