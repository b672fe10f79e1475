package org.parley.common.testkit;

import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A downstream service in a test, served for real over a socket on the loopback: the test's own
 * implementations of the service's contract, behind a record of each call's Authorization header and
 * two kinds of outage, a port that refuses connections ({@link #down()} / {@link #up()}) and a
 * service that answers every call UNAVAILABLE ({@link #refuseCalls(boolean)}).
 */
public final class FakeGrpcServer implements AutoCloseable {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final String name;
    private final List<BindableService> services;
    private volatile Server server;
    private volatile int port;
    private volatile boolean refusing;
    private volatile String lastAuthorization;

    private FakeGrpcServer(String name, List<BindableService> services) {
        this.name = name;
        this.services = List.copyOf(services);
    }

    /** Serves the implementations on a free port, as the downstream called {@code name}. */
    public static FakeGrpcServer start(String name, BindableService... services) {
        FakeGrpcServer fake = new FakeGrpcServer(name, List.of(services));
        fake.up();
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
        return fake;
    }

    public int port() {
        return port;
    }

    /** The address as a service's {@code parley.downstream.<name>.address} takes it. */
    public String address() {
        return "static://127.0.0.1:" + port;
    }

    /** The Authorization header of the last call, null when it carried none. */
    public String lastAuthorization() {
        return lastAuthorization;
    }

    /** Forgets the last call's header, answers calls again, and listens again if it was down. */
    public void reset() {
        lastAuthorization = null;
        refusing = false;
        up();
    }

    /** While true, every call is answered UNAVAILABLE, as a service that runs but cannot serve. */
    public void refuseCalls(boolean refuse) {
        refusing = refuse;
    }

    /** Listens (again), on the port it had before if it ran already. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        ServerInterceptor front = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                lastAuthorization = headers.get(AUTHORIZATION);
                if (refusing) {
                    call.close(Status.UNAVAILABLE.withDescription(name + " is down (test)"), new Metadata());
                    return new ServerCall.Listener<>() {};
                }
                return next.startCall(call, headers);
            }
        };
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port));
        services.forEach(service -> builder.addService(ServerInterceptors.intercept(service, front)));
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake " + name, e);
        }
        port = server.getPort();
    }

    /** Stops listening: the port refuses connections until {@link #up()}, as a service that went down. */
    public synchronized void down() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    public boolean isUp() {
        return server != null;
    }

    @Override
    public void close() {
        down();
    }
}
