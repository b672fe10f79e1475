package org.parley.common.testkit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Asks a gRPC server on 127.0.0.1 whether it offers server reflection (which lists every service it has). */
public final class GrpcReflection {

    private GrpcReflection() {}

    /** True unless the server answers that it has no reflection service. */
    public static boolean offeredOn(int port) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            CompletableFuture<Status> outcome = new CompletableFuture<>();
            StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .serverReflectionInfo(new StreamObserver<ServerReflectionResponse>() {
                        @Override
                        public void onNext(ServerReflectionResponse response) {
                            outcome.complete(Status.OK);
                        }

                        @Override
                        public void onError(Throwable error) {
                            outcome.complete(Status.fromThrowable(error));
                        }

                        @Override
                        public void onCompleted() {
                            outcome.complete(Status.OK);
                        }
                    });
            requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
            requests.onCompleted();
            return outcome.get(10, TimeUnit.SECONDS).getCode() != Status.Code.UNIMPLEMENTED;
        } catch (Exception e) {
            throw new IllegalStateException("no answer from the gRPC server on port " + port, e);
        } finally {
            channel.shutdownNow();
        }
    }
}
