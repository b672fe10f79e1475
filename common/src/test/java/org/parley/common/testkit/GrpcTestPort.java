package org.parley.common.testkit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/** Remembers the port a test's gRPC server bound (tests run it on port 0). */
@TestConfiguration(proxyBeanMethods = false)
public class GrpcTestPort implements ApplicationListener<GrpcServerStartedEvent> {

    private volatile int port;

    @Override
    public void onApplicationEvent(GrpcServerStartedEvent event) {
        port = event.getPort();
    }

    public int port() {
        return port;
    }
}
