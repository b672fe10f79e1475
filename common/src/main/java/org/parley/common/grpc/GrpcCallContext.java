package org.parley.common.grpc;

import io.grpc.Context;
import java.util.Optional;
import org.parley.common.kernel.Caller;

/** What the server interceptor learned about a gRPC call, for the handler and for onward calls. */
public final class GrpcCallContext {

    static final Context.Key<Caller> CALLER = Context.key("parley-caller");
    static final Context.Key<String> TOKEN = Context.key("parley-token");

    private GrpcCallContext() {}

    /** The caller of the gRPC call in progress, if this thread serves one. */
    public static Optional<Caller> caller() {
        return Optional.ofNullable(CALLER.get());
    }

    /** The bearer token of the gRPC call in progress, to forward onwards. */
    public static Optional<String> token() {
        return Optional.ofNullable(TOKEN.get());
    }
}
