package org.parley.stakeholder.webhooks.grpc;

import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.Optional;
import org.parley.api.stakeholder.v1.CompanyEventServiceGrpc;
import org.parley.api.stakeholder.v1.MailNotice;
import org.parley.api.stakeholder.v1.PublishCompanyEventRequest;
import org.parley.api.stakeholder.v1.PublishCompanyEventResponse;
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
        Instant occurredAt = request.hasOccurredAt()
                ? Instant.ofEpochSecond(request.getOccurredAt().getSeconds(), request.getOccurredAt().getNanos())
                : null;
        boolean accepted = hub.publish(CurrentCaller.get(), request.getEventId(), request.getCompanyId(), request.getEventType(),
                occurredAt, request.getPayloadJson(), request.hasMail() ? Optional.of(toDomain(request.getMail())) : Optional.empty());
        response.onNext(PublishCompanyEventResponse.newBuilder().setAccepted(accepted).build());
        response.onCompleted();
    }

    private static org.parley.stakeholder.webhooks.domain.MailNotice toDomain(MailNotice mail) {
        MailRecipient recipient = switch (mail.getRecipient()) {
            case MAIL_RECIPIENT_ESCALATION_CONTACT -> MailRecipient.ESCALATION_CONTACT;
            default -> MailRecipient.CONTACT_POINT;
        };
        return new org.parley.stakeholder.webhooks.domain.MailNotice(recipient, mail.getSubject(), mail.getText());
    }
}
