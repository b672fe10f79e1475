package org.parley.request.support;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.parley.api.stakeholder.v1.CompanyEventServiceGrpc;
import org.parley.api.stakeholder.v1.PublishCompanyEventRequest;
import org.parley.api.stakeholder.v1.PublishCompanyEventResponse;

/**
 * stakeholder-service's CompanyEventService as the relay meets it: it keeps every publish it took (a
 * repeat of an event id is answered {@code accepted = false}, as the real hub does), knows only the
 * companies the tests registered (NOT_FOUND for others), and can be told to answer UNAVAILABLE.
 */
public final class FakeCompanyEvents extends CompanyEventServiceGrpc.CompanyEventServiceImplBase {

    private final Predicate<String> knownCompany;
    private final List<PublishCompanyEventRequest> taken = new CopyOnWriteArrayList<>();
    private final Map<String, Long> takenAt = new ConcurrentHashMap<>();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private volatile boolean unavailable;

    FakeCompanyEvents(Predicate<String> knownCompany) {
        this.knownCompany = knownCompany;
    }

    /** While true, every publish is answered UNAVAILABLE, as a hub that cannot serve. */
    public void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    /** Every publish that reached the service's code for this company, in order, repeats included. */
    public List<PublishCompanyEventRequest> publishedFor(String companyId) {
        List<PublishCompanyEventRequest> those = new ArrayList<>();
        for (PublishCompanyEventRequest request : taken) {
            if (request.getCompanyId().equals(companyId)) {
                those.add(request);
            }
        }
        return those;
    }

    /** When ({@link System#nanoTime()}) a company's event was first taken, or null. */
    public Long takenAt(String companyId, String eventId) {
        return takenAt.get(companyId + " " + eventId);
    }

    @Override
    public void publishCompanyEvent(PublishCompanyEventRequest request, StreamObserver<PublishCompanyEventResponse> response) {
        if (unavailable) {
            response.onError(Status.UNAVAILABLE.withDescription("the hub is down (test)").asRuntimeException());
            return;
        }
        if (!knownCompany.test(request.getCompanyId())) {
            response.onError(Status.NOT_FOUND.withDescription("no company " + request.getCompanyId()).asRuntimeException());
            return;
        }
        takenAt.putIfAbsent(request.getCompanyId() + " " + request.getEventId(), System.nanoTime());
        taken.add(request);
        response.onNext(PublishCompanyEventResponse.newBuilder().setAccepted(ids.add(request.getEventId())).build());
        response.onCompleted();
    }
}
