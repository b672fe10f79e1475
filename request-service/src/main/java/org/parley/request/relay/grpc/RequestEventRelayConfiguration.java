package org.parley.request.relay.grpc;

import org.parley.common.downstream.Downstreams;
import org.parley.common.kernel.Caller;
import org.parley.common.outbox.CompanyEventOutbox;
import org.parley.common.outbox.CompanyEventRelay;
import org.parley.common.outbox.CompanyEventSettings;
import org.parley.request.events.RequestEventsCommitted;
import org.parley.request.events.domain.RequestEvent;
import org.parley.request.relay.RequestEventContent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays the request events a company's own systems must hear of to stakeholder-service
 * ({@code parley.downstream.company-events}), which delivers them to the company's webhooks and contact
 * point. It wakes as soon as events commit here, or its listener sees another instance's.
 */
@Configuration(proxyBeanMethods = false)
public class RequestEventRelayConfiguration {

    static final String DOWNSTREAM = "company-events";
    static final Caller SERVICE = Caller.service("request-service");

    @Bean
    CompanyEventRelay<RequestEvent> requestEventRelay(CompanyEventOutbox<RequestEvent> outbox, RequestEventContent content,
            Downstreams downstreams, TransactionTemplate transactions, CompanyEventSettings settings) {
        return new CompanyEventRelay<>("request-events", outbox, content::of,
                downstreams.get(DOWNSTREAM), SERVICE, transactions, settings);
    }

    @Bean
    RelayWakeUp requestEventRelayWakeUp(CompanyEventRelay<RequestEvent> relay) {
        return new RelayWakeUp(relay);
    }

    /** Wakes the relay when request events commit. */
    static final class RelayWakeUp {
        private final CompanyEventRelay<RequestEvent> relay;

        RelayWakeUp(CompanyEventRelay<RequestEvent> relay) {
            this.relay = relay;
        }

        @EventListener
        void committed(RequestEventsCommitted committed) {
            relay.wake();
        }
    }
}
