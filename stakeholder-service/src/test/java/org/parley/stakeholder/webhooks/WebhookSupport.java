package org.parley.stakeholder.webhooks;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.api.stakeholder.v1.CompanyEventServiceGrpc;
import org.parley.api.stakeholder.v1.MailNotice;
import org.parley.api.stakeholder.v1.PublishCompanyEventRequest;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.stakeholder.support.StakeholderServiceIT;

/** The hub's ITs: companies with endpoints on a local receiver, events published as a service over gRPC. */
abstract class WebhookSupport extends StakeholderServiceIT {

    private static final AtomicInteger EVENTS = new AtomicInteger();

    /** A fresh event id, unique across the ITs' shared database. */
    static String eventId() {
        return "test-event-" + System.nanoTime() + "-" + EVENTS.incrementAndGet();
    }

    CompanyEventServiceGrpc.CompanyEventServiceBlockingStub events(String bearer) {
        return withToken(CompanyEventServiceGrpc.newBlockingStub(channel), bearer);
    }

    PublishCompanyEventRequest.Builder event(String eventId, String companyId, String type, String payload) {
        Instant now = clock.instant();
        return PublishCompanyEventRequest.newBuilder()
                .setEventId(eventId)
                .setCompanyId(companyId)
                .setEventType(type)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setPayloadJson(payload);
    }

    boolean publish(String eventId, String companyId, String type, String payload) {
        return events(SERVICE).publishCompanyEvent(event(eventId, companyId, type, payload).build()).getAccepted();
    }

    boolean publishWithMail(String eventId, String companyId, MailNotice mail) {
        return events(SERVICE).publishCompanyEvent(event(eventId, companyId, "request.received", "{\"id\":\"r-1\"}")
                .setMail(mail).build()).getAccepted();
    }

    /** Registers an endpoint as an admin (the development exception lets it receive on 127.0.0.1). */
    Reply registerEndpoint(String companyId, String url, List<String> events) {
        Reply reply = api.post("/api/v1/stakeholders/" + companyId + "/webhooks",
                Map.of("url", url, "events", events, "description", "trust and safety tooling")).auth(ADMIN).send();
        if (reply.status() != 201) {
            throw new AssertionError("registering an endpoint failed: " + reply);
        }
        return reply;
    }

    Reply deliveries(String webhookId) {
        return api.get("/api/v1/webhooks/" + webhookId + "/deliveries").auth(ADMIN).send();
    }

    String status(String webhookId, String eventId) {
        for (var delivery : deliveries(webhookId).json().get("items")) {
            if (delivery.get("eventId").asString().equals(eventId)) {
                return delivery.get("status").asString();
            }
        }
        return null;
    }
}
