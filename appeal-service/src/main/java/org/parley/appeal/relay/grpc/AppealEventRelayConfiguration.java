package org.parley.appeal.relay.grpc;

import org.parley.appeal.relay.AppealEventContent;
import org.parley.appeal.relay.AppealEventsCommitted;
import org.parley.appeal.relay.domain.AppealEvent;
import org.parley.common.downstream.Downstreams;
import org.parley.common.kernel.Caller;
import org.parley.common.outbox.CompanyEventOutbox;
import org.parley.common.outbox.CompanyEventRelay;
import org.parley.common.outbox.CompanyEventSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays the appeal outbox to stakeholder-service ({@code parley.downstream.company-events}), which
 * delivers each event to the company's webhooks and contact point; it wakes as soon as events commit here.
 */
@Configuration(proxyBeanMethods = false)
public class AppealEventRelayConfiguration {

    static final String DOWNSTREAM = "company-events";
    static final Caller SERVICE = Caller.service("appeal-service");

    @Bean
    CompanyEventRelay<AppealEvent> appealEventRelay(CompanyEventOutbox<AppealEvent> outbox, AppealEventContent content,
            Downstreams downstreams, TransactionTemplate transactions, CompanyEventSettings settings) {
        return new CompanyEventRelay<>("appeal-events", outbox, content::of,
                downstreams.get(DOWNSTREAM), SERVICE, transactions, settings);
    }

    @Bean
    RelayWakeUp appealEventRelayWakeUp(CompanyEventRelay<AppealEvent> relay) {
        return new RelayWakeUp(relay);
    }

    /** Wakes the relay when appeal events commit. */
    static final class RelayWakeUp {
        private final CompanyEventRelay<AppealEvent> relay;

        RelayWakeUp(CompanyEventRelay<AppealEvent> relay) {
            this.relay = relay;
        }

        @EventListener
        void committed(AppealEventsCommitted committed) {
            relay.wake();
        }
    }
}
