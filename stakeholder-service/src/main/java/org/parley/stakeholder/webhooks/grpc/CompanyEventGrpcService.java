package org.parley.stakeholder.webhooks.grpc;

import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.api.stakeholder.v1.CompanyEventServiceGrpc;
import org.parley.api.stakeholder.v1.MailNotice;
import org.parley.api.stakeholder.v1.PublicationOutcome;
import org.parley.api.stakeholder.v1.PublishCompanyEventRequest;
import org.parley.api.stakeholder.v1.PublishCompanyEventResponse;
import org.parley.api.stakeholder.v1.PublishCompanyEventsRequest;
import org.parley.api.stakeholder.v1.PublishCompanyEventsResponse;
import org.parley.api.stakeholder.v1.PublishedCompanyEvent;
import org.parley.common.security.CurrentCaller;
import org.parley.stakeholder.webhooks.CompanyEventHub;
import org.parley.stakeholder.webhooks.domain.MailRecipient;
import org.springframework.stereotype.Service;

/** The other services hand their events for a company over here (services only). */
@Service
class CompanyEventGrpcService extends CompanyEventServiceGrpc.CompanyEventServiceImplBase {

    private final CompanyEventHub hub;

    CompanyEventGrpcService(CompanyEventHub hub) {
        this.hub = hub;
    }

    @Override
    public void publishCompanyEvent(PublishCompanyEventRequest request, StreamObserver<PublishCompanyEventResponse> response) {
        boolean accepted = hub.publish(CurrentCaller.get(), incoming(request));
        response.onNext(PublishCompanyEventResponse.newBuilder().setAccepted(accepted).build());
        response.onCompleted();
    }

    @Override
    public void publishCompanyEvents(PublishCompanyEventsRequest request, StreamObserver<PublishCompanyEventsResponse> response) {
        List<CompanyEventHub.Published> results = hub.publishAll(CurrentCaller.get(),
                request.getEventsList().stream().map(CompanyEventGrpcService::incoming).toList());
        PublishCompanyEventsResponse.Builder answer = PublishCompanyEventsResponse.newBuilder();
        for (CompanyEventHub.Published result : results) {
            PublishedCompanyEvent.Builder one = PublishedCompanyEvent.newBuilder()
                    .setEventId(result.eventId())
                    .setOutcome(switch (result.outcome()) {
                        case STORED -> PublicationOutcome.PUBLICATION_OUTCOME_STORED;
                        case DUPLICATE -> PublicationOutcome.PUBLICATION_OUTCOME_DUPLICATE;
                        case REFUSED -> PublicationOutcome.PUBLICATION_OUTCOME_REFUSED;
                    });
            if (result.reason() != null) {
                one.setReason(result.reason());
            }
            answer.addResults(one);
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    private static CompanyEventHub.Incoming incoming(PublishCompanyEventRequest request) {
        Instant occurredAt = request.hasOccurredAt()
                ? Instant.ofEpochSecond(request.getOccurredAt().getSeconds(), request.getOccurredAt().getNanos())
                : null;
        return new CompanyEventHub.Incoming(request.getEventId(), request.getCompanyId(), request.getEventType(), occurredAt,
                request.getPayloadJson(), request.hasMail() ? Optional.of(toDomain(request.getMail())) : Optional.empty());
    }

    private static org.parley.stakeholder.webhooks.domain.MailNotice toDomain(MailNotice mail) {
        MailRecipient recipient = switch (mail.getRecipient()) {
            case MAIL_RECIPIENT_ESCALATION_CONTACT -> MailRecipient.ESCALATION_CONTACT;
            default -> MailRecipient.CONTACT_POINT;
        };
        return new org.parley.stakeholder.webhooks.domain.MailNotice(recipient, mail.getSubject(), mail.getText());
    }
}
