package org.parley.stakeholder.webhooks.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.webhooks.domain.CompanyEvent;
import org.parley.stakeholder.webhooks.domain.CompanyEventType;
import org.parley.stakeholder.webhooks.domain.Delivery;
import org.parley.stakeholder.webhooks.domain.DeliveryStatus;
import org.parley.stakeholder.webhooks.domain.MailNotice;
import org.parley.stakeholder.webhooks.domain.MailRecipient;
import org.parley.stakeholder.webhooks.domain.WebhookEndpoint;
import org.parley.stakeholder.webhooks.domain.WebhookSecret;
import org.parley.stakeholder.webhooks.domain.WebhookStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWebhookStore implements WebhookStore {

    private final JdbcClient jdbc;

    JdbcWebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertEndpoint(WebhookEndpoint e) {
        jdbc.sql("""
                insert into webhook_endpoint (id, company_id, url, events, description, enabled, disabled_reason,
                    registered_by, local_targets_allowed, secret, previous_secret, previous_secret_expires_at,
                    created_at, updated_at)
                values (:id, :company, :url, :events, :description, :enabled, :reason, :registeredBy, :local, :secret,
                    :previous, :previousExpires, :created, :updated)
                """)
                .params(params(e))
                .update();
    }

    private static Map<String, Object> params(WebhookEndpoint e) {
        java.util.HashMap<String, Object> p = new java.util.HashMap<>();
        p.put("id", e.id());
        p.put("company", e.companyId());
        p.put("url", e.url());
        p.put("events", e.events().stream().map(CompanyEventType::wireName).toArray(String[]::new));
        p.put("description", e.description());
        p.put("enabled", e.enabled());
        p.put("reason", e.disabledReason());
        p.put("registeredBy", e.registeredBy());
        p.put("local", e.localTargetsAllowed());
        p.put("secret", e.secret().value());
        p.put("previous", e.previousSecret() == null ? null : e.previousSecret().value());
        p.put("previousExpires", timestamp(e.previousSecretExpiresAt()));
        p.put("created", timestamp(e.createdAt()));
        p.put("updated", timestamp(e.updatedAt()));
        return p;
    }

    @Override
    public Optional<WebhookEndpoint> findEndpoint(UUID id) {
        return jdbc.sql("select * from webhook_endpoint where id = :id").param("id", id).query(JdbcWebhookStore::endpoint).optional();
    }

    @Override
    public Optional<WebhookEndpoint> lockEndpoint(UUID id) {
        return jdbc.sql("select * from webhook_endpoint where id = :id for no key update").param("id", id)
                .query(JdbcWebhookStore::endpoint).optional();
    }

    @Override
    public List<WebhookEndpoint> endpointsOf(UUID companyId) {
        return jdbc.sql("select * from webhook_endpoint where company_id = :company order by id")
                .param("company", companyId).query(JdbcWebhookStore::endpoint).list();
    }

    @Override
    public void updateEndpoint(WebhookEndpoint e) {
        jdbc.sql("""
                update webhook_endpoint set url = :url, events = :events, description = :description, enabled = :enabled,
                    disabled_reason = :reason, local_targets_allowed = :local, secret = :secret, previous_secret = :previous,
                    previous_secret_expires_at = :previousExpires, updated_at = :updated
                where id = :id
                """)
                .params(params(e))
                .update();
    }

    @Override
    public void deleteEndpoint(UUID id) {
        jdbc.sql("delete from webhook_endpoint where id = :id").param("id", id).update();
    }

    @Override
    public boolean insertEvent(CompanyEvent event, Instant receivedAt) {
        return jdbc.sql("""
                insert into company_event (event_id, company_id, event_type, occurred_at, payload_json, received_at)
                values (:id, :company, :type, :occurred, :payload, :received)
                on conflict (event_id) do nothing
                """)
                .param("id", event.eventId())
                .param("company", event.companyId())
                .param("type", event.type().wireName())
                .param("occurred", timestamp(event.occurredAt()))
                .param("payload", event.payloadJson())
                .param("received", timestamp(receivedAt))
                .update() == 1;
    }

    @Override
    public List<WebhookEndpoint> subscribers(UUID companyId, CompanyEventType type) {
        return jdbc.sql("select * from webhook_endpoint where company_id = :company and enabled and :type = any(events) order by id")
                .param("company", companyId).param("type", type.wireName()).query(JdbcWebhookStore::endpoint).list();
    }

    @Override
    public void insertDelivery(UUID id, UUID endpointId, String eventId, Instant at) {
        jdbc.sql("""
                insert into webhook_delivery (id, endpoint_id, event_id, status, next_attempt_at, created_at)
                values (:id, :endpoint, :event, 'PENDING', :at, :at)
                """)
                .param("id", id).param("endpoint", endpointId).param("event", eventId).param("at", timestamp(at))
                .update();
    }

    @Override
    public void insertMail(UUID id, CompanyEvent event, MailNotice mail, Instant at) {
        jdbc.sql("""
                insert into company_mail (id, event_id, company_id, recipient, subject, body, status, next_attempt_at, created_at)
                values (:id, :event, :company, :recipient, :subject, :body, 'PENDING', :at, :at)
                """)
                .param("id", id).param("event", event.eventId()).param("company", event.companyId())
                .param("recipient", mail.recipient().name()).param("subject", mail.subject()).param("body", mail.text())
                .param("at", timestamp(at))
                .update();
    }

    private static final String DELIVERY_COLUMNS = """
            select d.id, d.endpoint_id, d.event_id, e.event_type, e.occurred_at, d.status, d.attempt_count, d.next_attempt_at,
                   d.last_status_code, d.last_error, d.delivered_at, d.created_at
            from webhook_delivery d join company_event e on e.event_id = d.event_id
            """;

    @Override
    public List<Delivery> deliveries(UUID endpointId, PageRequest page) {
        List<Delivery> rows = jdbc.sql(DELIVERY_COLUMNS + """
                where d.endpoint_id = :endpoint and (cast(:before as uuid) is null or d.id < :before)
                order by d.id desc
                limit :limit
                """)
                .param("endpoint", endpointId)
                .param("before", page.after().orElse(null))
                .param("limit", page.fetchSize())
                .query(JdbcWebhookStore::delivery).list();
        return withAttempts(rows);
    }

    @Override
    public Optional<Delivery> delivery(UUID endpointId, UUID deliveryId) {
        return withAttempts(jdbc.sql(DELIVERY_COLUMNS + " where d.endpoint_id = :endpoint and d.id = :id")
                .param("endpoint", endpointId).param("id", deliveryId).query(JdbcWebhookStore::delivery).list())
                .stream().findFirst();
    }

    private List<Delivery> withAttempts(List<Delivery> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<Delivery.Attempt>> attempts = jdbc.sql("""
                        select delivery_id, at, status_code, latency_ms, error from webhook_attempt
                        where delivery_id = any(:ids) order by at""")
                .param("ids", rows.stream().map(Delivery::id).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("delivery_id", UUID.class), new Delivery.Attempt(
                        instant(rs, "at"), rs.getObject("status_code", Integer.class), rs.getLong("latency_ms"), rs.getString("error"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(d -> new Delivery(d.id(), d.endpointId(), d.eventId(), d.eventType(), d.occurredAt(), d.status(),
                d.attemptCount(), d.nextAttemptAt(), d.lastStatusCode(), d.lastError(), d.deliveredAt(), d.createdAt(),
                attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    @Override
    public void requeue(UUID deliveryId, Instant at) {
        jdbc.sql("update webhook_delivery set status = 'PENDING', round_attempts = 0, next_attempt_at = :at where id = :id")
                .param("id", deliveryId).param("at", timestamp(at)).update();
    }

    @Override
    public List<Claim> claim(UUID owner, Instant now, Duration lease, int limit) {
        // the lease is timed by the database's clock, which every instance shares; what is due, by the service's
        return jdbc.sql("""
                with due as (
                    select e.id as endpoint_id, head.id as delivery_id
                    from webhook_endpoint e
                    cross join lateral (
                        select d.id, d.next_attempt_at from webhook_delivery d
                        where d.endpoint_id = e.id and d.status = 'PENDING'
                        order by d.seq limit 1) head
                    where e.enabled and (e.leased_until is null or e.leased_until < now()) and head.next_attempt_at <= :now
                    order by head.next_attempt_at
                    limit :limit
                    for update of e skip locked
                )
                update webhook_endpoint e set leased_until = now() + make_interval(secs => :lease), lease_owner = :owner
                from due where e.id = due.endpoint_id
                returning e.id, due.delivery_id
                """)
                .param("now", timestamp(now)).param("limit", limit).param("lease", lease.toMillis() / 1000.0).param("owner", owner)
                .query((rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    @Override
    public Optional<Work> work(UUID deliveryId) {
        return jdbc.sql("""
                select d.endpoint_id, d.id, d.event_id, ev.event_type, ev.occurred_at, ev.payload_json, d.round_attempts, d.status
                from webhook_delivery d join company_event ev on ev.event_id = d.event_id
                where d.id = :id
                """)
                .param("id", deliveryId)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), instant(rs, "occurred_at"), rs.getString(6), rs.getInt(7), rs.getString(8)})
                .optional()
                .flatMap(row -> findEndpoint((UUID) row[0]).map(endpoint -> new Work(endpoint, (UUID) row[1], (String) row[2],
                        CompanyEventType.fromWireName((String) row[3]).orElseThrow(), (Instant) row[4], (String) row[5],
                        (Integer) row[6], DeliveryStatus.valueOf((String) row[7]))));
    }

    @Override
    public boolean recordAttempt(Claim claim, UUID owner, Delivery.Attempt attempt, DeliveryStatus status, Instant nextAttemptAt,
            int roundAttempts, Optional<String> disableEndpoint) {
        int held = jdbc.sql("""
                update webhook_endpoint set leased_until = null, lease_owner = null,
                    enabled = enabled and not :disable,
                    disabled_reason = case when :disable then :reason else disabled_reason end,
                    updated_at = case when :disable then :at else updated_at end
                where id = :endpoint and lease_owner = :owner
                """)
                .param("endpoint", claim.endpointId()).param("owner", owner)
                .param("disable", disableEndpoint.isPresent()).param("reason", disableEndpoint.orElse(null))
                .param("at", timestamp(attempt.at()))
                .update();
        if (held == 0) {
            return false;
        }
        jdbc.sql("insert into webhook_attempt (delivery_id, at, status_code, latency_ms, error) values (:id, :at, :code, :latency, :error)")
                .param("id", claim.deliveryId()).param("at", timestamp(attempt.at())).param("code", attempt.statusCode())
                .param("latency", attempt.latencyMs()).param("error", attempt.error())
                .update();
        jdbc.sql("""
                update webhook_delivery set status = :status, attempt_count = attempt_count + 1, round_attempts = :round,
                    next_attempt_at = :next, last_status_code = :code, last_error = :error,
                    delivered_at = case when :status = 'DELIVERED' then :at else delivered_at end
                where id = :id
                """)
                .param("id", claim.deliveryId()).param("status", status.name()).param("round", roundAttempts)
                .param("next", timestamp(nextAttemptAt)).param("code", attempt.statusCode()).param("error", attempt.error())
                .param("at", timestamp(attempt.at()))
                .update();
        return true;
    }

    @Override
    public void release(UUID endpointId, UUID owner) {
        jdbc.sql("update webhook_endpoint set leased_until = null, lease_owner = null where id = :id and lease_owner = :owner")
                .param("id", endpointId).param("owner", owner).update();
    }

    @Override
    public long pendingDeliveries() {
        return jdbc.sql("select count(*) from webhook_delivery where status = 'PENDING'").query(Long.class).single();
    }

    @Override
    public List<PendingMail> claimMails(UUID owner, Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                with due as (
                    select id from company_mail
                    where status = 'PENDING' and next_attempt_at <= :now and (leased_until is null or leased_until < now())
                    order by next_attempt_at
                    limit :limit
                    for update skip locked
                )
                update company_mail m set leased_until = now() + make_interval(secs => :lease), lease_owner = :owner
                from due where m.id = due.id
                returning m.id, m.company_id, m.event_id, m.recipient, m.subject, m.body, m.attempt_count
                """)
                .param("now", timestamp(now)).param("limit", limit).param("lease", lease.toMillis() / 1000.0).param("owner", owner)
                .query((rs, n) -> new PendingMail(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        MailRecipient.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7)))
                .list();
    }

    @Override
    public void mailSent(UUID mailId, UUID owner, Instant at) {
        jdbc.sql("""
                update company_mail set status = 'SENT', sent_at = :at, attempt_count = attempt_count + 1, last_error = null,
                    leased_until = null, lease_owner = null
                where id = :id and lease_owner = :owner""")
                .param("id", mailId).param("owner", owner).param("at", timestamp(at)).update();
    }

    @Override
    public void mailFailed(UUID mailId, UUID owner, String error, Optional<Instant> nextAttemptAt) {
        jdbc.sql("""
                update company_mail set status = case when cast(:next as timestamptz) is null then 'FAILED' else 'PENDING' end,
                    next_attempt_at = coalesce(cast(:next as timestamptz), next_attempt_at), attempt_count = attempt_count + 1,
                    last_error = :error, leased_until = null, lease_owner = null
                where id = :id and lease_owner = :owner""")
                .param("id", mailId).param("owner", owner).param("error", error)
                .param("next", timestamp(nextAttemptAt.orElse(null))).update();
    }

    @Override
    public void mailUnsendable(UUID mailId, UUID owner, String reason) {
        jdbc.sql("""
                update company_mail set status = 'UNSENDABLE', last_error = :reason, leased_until = null, lease_owner = null
                where id = :id and lease_owner = :owner""")
                .param("id", mailId).param("owner", owner).param("reason", reason).update();
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        Array events = rs.getArray("events");
        String previous = rs.getString("previous_secret");
        return new WebhookEndpoint(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class), rs.getString("url"),
                Arrays.stream((String[]) events.getArray()).map(name -> CompanyEventType.fromWireName(name).orElseThrow()).toList(),
                rs.getString("description"), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("registered_by"),
                rs.getBoolean("local_targets_allowed"), new WebhookSecret(rs.getString("secret")),
                previous == null ? null : new WebhookSecret(previous), instant(rs, "previous_secret_expires_at"));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class), rs.getString("event_id"),
                CompanyEventType.fromWireName(rs.getString("event_type")).orElseThrow(), instant(rs, "occurred_at"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempt_count"), instant(rs, "next_attempt_at"),
                rs.getObject("last_status_code", Integer.class), rs.getString("last_error"), instant(rs, "delivered_at"),
                instant(rs, "created_at"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
