package org.parley.stakeholder.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.parley.stakeholder.registry.RegistryService;
import org.parley.stakeholder.registry.domain.ContactPoint;
import org.parley.stakeholder.registry.domain.StakeholderProfile;
import org.parley.stakeholder.webhooks.domain.MailRecipient;
import org.parley.stakeholder.webhooks.domain.RetrySchedule;
import org.parley.stakeholder.webhooks.domain.WebhookStore;
import org.parley.stakeholder.webhooks.domain.WebhookStore.PendingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails the producers' notices to the companies' contact points. A mail is leased by one instance at a
 * time (claimed with SKIP LOCKED, no transaction held while the SMTP server answers), retried with
 * backoff while the server fails, and recorded as not sendable (logged, counted; not retried) when the
 * company has no contact point.
 */
@Component
public class CompanyMailer {

    private static final Logger log = LoggerFactory.getLogger(CompanyMailer.class);
    private static final Pattern MAIL_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;

    private final WebhookStore store;
    private final RegistryService registry;
    private final JavaMailSender mail;
    private final Clock clock;
    private final WebhookMetrics metrics;
    private final RetrySchedule schedule;
    private final String from;
    private final UUID owner = UUID.randomUUID();
    private final Object sweeping = new Object();

    CompanyMailer(WebhookStore store, RegistryService registry, JavaMailSender mail, Clock clock, WebhookMetrics metrics,
            WebhookProperties properties) {
        this.store = store;
        this.registry = registry;
        this.mail = mail;
        this.clock = clock;
        this.metrics = metrics;
        this.schedule = new RetrySchedule(properties.mailRetrySteps());
        this.from = properties.mailFrom();
    }

    /** Sends what is due now, on a thread of its own, rather than at the next poll. */
    public void wake() {
        Thread.ofVirtual().name("company-mailer").start(this::sweep);
    }

    @Scheduled(fixedDelayString = "${parley.webhooks.poll-interval:PT1S}", initialDelayString = "PT5S")
    public void sweep() {
        synchronized (sweeping) {
            try {
                List<PendingMail> claimed;
                do {
                    claimed = store.claimMails(owner, clock.instant(), LEASE, BATCH);
                    claimed.forEach(this::send);
                } while (claimed.size() == BATCH);
            } catch (RuntimeException e) {
                log.warn("company mails could not be claimed; trying again at the next poll", e);
            }
        }
    }

    private void send(PendingMail pending) {
        Optional<ContactPoint> contact = registry.find(pending.companyId())
                .map(company -> registry.lookup(WebhookDeliverer.SERVICE, company.id()))
                .flatMap(StakeholderProfile::contactPoint);
        if (contact.isEmpty()) {
            log.warn("mail {} of event {} is not sendable: company {} has no contact point", pending.id(), pending.eventId(),
                    pending.companyId());
            store.mailUnsendable(pending.id(), owner, "The company has no contact point");
            metrics.mail("unsendable");
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipient(contact.get(), pending.recipient()));
        message.setSubject(pending.subject());
        message.setText(pending.text());
        try {
            mail.send(message);
            store.mailSent(pending.id(), owner, clock.instant());
            metrics.mail("sent");
        } catch (MailException e) {
            Optional<Duration> wait = schedule.next(pending.attemptCount() + 1, Optional.empty(), ThreadLocalRandom.current()::nextDouble);
            log.warn("mail {} of event {} could not be handed to the SMTP server ({}); {}", pending.id(), pending.eventId(),
                    e.getMessage(), wait.map(w -> "trying again in " + w).orElse("giving up"));
            store.mailFailed(pending.id(), owner, String.valueOf(e.getMessage()), wait.map(clock.instant()::plus));
            metrics.mail(wait.isPresent() ? "retry" : "failed");
        }
    }

    /** The contact point's address, or its escalation contact when asked for and it is a mail address. */
    static String recipient(ContactPoint contact, MailRecipient recipient) {
        if (recipient == MailRecipient.ESCALATION_CONTACT && contact.escalationContact() != null
                && MAIL_ADDRESS.matcher(contact.escalationContact().strip()).matches()) {
            return contact.escalationContact().strip();
        }
        return contact.email();
    }
}
