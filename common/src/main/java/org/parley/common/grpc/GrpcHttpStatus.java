package org.parley.common.grpc;

import io.grpc.Status;
import org.springframework.http.HttpStatus;

/** The one table from gRPC status codes to HTTP, for gRPC failures that surface over HTTP. */
public final class GrpcHttpStatus {

    private GrpcHttpStatus() {}

    public static HttpStatus toHttp(Status.Code code) {
        return switch (code) {
            case OK -> HttpStatus.OK;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID_ARGUMENT, OUT_OF_RANGE -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
            case FAILED_PRECONDITION, ALREADY_EXISTS, ABORTED -> HttpStatus.CONFLICT;
            case RESOURCE_EXHAUSTED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case DEADLINE_EXCEEDED -> HttpStatus.GATEWAY_TIMEOUT;
            case CANCELLED, UNKNOWN, INTERNAL, DATA_LOSS, UNIMPLEMENTED -> HttpStatus.BAD_GATEWAY;
        };
    }
}
