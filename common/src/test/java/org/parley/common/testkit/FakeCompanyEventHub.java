package org.parley.common.testkit;

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
import org.parley.api.stakeholder.v1.PublicationOutcome;
import org.parley.api.stakeholder.v1.PublishCompanyEventRequest;
import org.parley.api.stakeholder.v1.PublishCompanyEventsRequest;
import org.parley.api.stakeholder.v1.PublishCompanyEventsResponse;
import org.parley.api.stakeholder.v1.PublishedCompanyEvent;

/**
 * stakeholder-service's CompanyEventService as a producer's relay meets it (the batch call, the only one a
 * relay makes): it keeps every event it took, in order (a repeat of an event id is a duplicate, as at the
 * real hub), knows only the companies the test says it knows (an event for another is refused), and can
 * be told to answer UNAVAILABLE.
 */
public final class FakeCompanyEventHub extends CompanyEventServiceGrpc.CompanyEventServiceImplBase {

    private final Predicate<String> knownCompany;
    private final List<PublishCompanyEventRequest> taken = new CopyOnWriteArrayList<>();
    private final Map<String, Long> takenAt = new ConcurrentHashMap<>();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final List<Integer> callSizes = new CopyOnWriteArrayList<>();
    private volatile boolean unavailable;

    public FakeCompanyEventHub(Predicate<String> knownCompany) {
        this.knownCompany = knownCompany;
    }

    /** While true, every call is answered UNAVAILABLE, as a hub that cannot serve. */
    public void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    /** Every event taken for this company, in order, repeats included. */
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

    /** How many events each call that was served carried, in order. */
    public List<Integer> callSizes() {
        return List.copyOf(callSizes);
    }

    @Override
    public void publishCompanyEvents(PublishCompanyEventsRequest request, StreamObserver<PublishCompanyEventsResponse> response) {
        if (unavailable) {
            response.onError(Status.UNAVAILABLE.withDescription("the hub is down (test)").asRuntimeException());
            return;
        }
        callSizes.add(request.getEventsCount());
        PublishCompanyEventsResponse.Builder answer = PublishCompanyEventsResponse.newBuilder();
        request.getEventsList().forEach(event -> answer.addResults(take(event)));
        response.onNext(answer.build());
        response.onCompleted();
    }

    private PublishedCompanyEvent take(PublishCompanyEventRequest event) {
        PublishedCompanyEvent.Builder result = PublishedCompanyEvent.newBuilder().setEventId(event.getEventId());
        if (!knownCompany.test(event.getCompanyId())) {
            return result.setOutcome(PublicationOutcome.PUBLICATION_OUTCOME_REFUSED)
                    .setReason("no company " + event.getCompanyId()).build();
        }
        takenAt.putIfAbsent(event.getCompanyId() + " " + event.getEventId(), System.nanoTime());
        taken.add(event);
        return result.setOutcome(ids.add(event.getEventId()) ? PublicationOutcome.PUBLICATION_OUTCOME_STORED
                : PublicationOutcome.PUBLICATION_OUTCOME_DUPLICATE).build();
    }
}
