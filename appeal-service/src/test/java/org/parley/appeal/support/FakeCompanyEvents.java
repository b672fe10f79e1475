package org.parley.appeal.support;

import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.api.stakeholder.v1.CompanyEventServiceGrpc;
import org.parley.api.stakeholder.v1.PublishCompanyEventRequest;
import org.parley.api.stakeholder.v1.PublishCompanyEventResponse;
import org.parley.common.testkit.FakeGrpcServer;

/**
 * stakeholder-service's CompanyEventService, served over a socket: it keeps every publish it took (a repeat
 * of an event id is answered {@code accepted = false}, as the real hub does) and can answer UNAVAILABLE.
 */
public final class FakeCompanyEvents {

    private final List<PublishCompanyEventRequest> taken = new CopyOnWriteArrayList<>();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final FakeGrpcServer server;

    private FakeCompanyEvents() {
        server = FakeGrpcServer.start("stakeholder-service (company events)", new Hub());
    }

    public static FakeCompanyEvents start() {
        return new FakeCompanyEvents();
    }

    public String address() {
        return server.address();
    }

    /** While true, every publish is answered UNAVAILABLE. */
    public void unavailable(boolean unavailable) {
        server.refuseCalls(unavailable);
    }

    /** Every publish taken for this company, in order, repeats included. */
    public List<PublishCompanyEventRequest> publishedFor(String companyId) {
        List<PublishCompanyEventRequest> those = new ArrayList<>();
        for (PublishCompanyEventRequest request : taken) {
            if (request.getCompanyId().equals(companyId)) {
                those.add(request);
            }
        }
        return those;
    }

    private final class Hub extends CompanyEventServiceGrpc.CompanyEventServiceImplBase {
        @Override
        public void publishCompanyEvent(PublishCompanyEventRequest request,
                StreamObserver<PublishCompanyEventResponse> response) {
            taken.add(request);
            response.onNext(PublishCompanyEventResponse.newBuilder().setAccepted(ids.add(request.getEventId())).build());
            response.onCompleted();
        }
    }
}
