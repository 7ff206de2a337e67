package org.reliefclearance.notifications;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook} and {@code webhook_delivery} tables. */
@Repository
class WebhookStore {

    /** Where and how to deliver an organisation's events. */
    record Target(String organisationCode, String url, String secret, WebhookStatus status) {
    }

    private static final String COLUMNS = """
            organisation_code, url, status, created_at, registered_by, secret_rotated_at, consecutive_failures,
            disabled_at""";

    private final JdbcClient jdbc;

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Webhooks.Webhook> find(String organisation) {
        return jdbc.sql("select " + COLUMNS + " from webhook where organisation_code = ?").param(organisation)
                .query(Webhooks.Webhook.class).optional();
    }

    Optional<Target> target(String organisation) {
        return jdbc.sql("select organisation_code, url, secret, status from webhook where organisation_code = ?")
                .param(organisation).query(Target.class).optional();
    }

    /** Whether the organisation has a webhook (active or not: a disabled one's events wait for it). */
    boolean registered(String organisation) {
        return jdbc.sql("select count(*) from webhook where organisation_code = ?").param(organisation)
                .query(Long.class).single() > 0;
    }

    /** Registers the webhook, or replaces the organisation's: new URL and secret, active, no failures. */
    void save(String organisation, String url, String secret, String userId, Instant now) {
        int updated = jdbc.sql("""
                update webhook set url = ?, secret = ?, status = 'ACTIVE', created_at = ?, registered_by = ?,
                    secret_rotated_at = null, consecutive_failures = 0, disabled_at = null
                where organisation_code = ?""")
                .params(url, secret, utc(now), userId, organisation).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into webhook (organisation_code, url, secret, status, created_at, registered_by)
                    values (?, ?, ?, 'ACTIVE', ?, ?)""")
                    .params(organisation, url, secret, utc(now), userId).update();
        }
    }

    boolean delete(String organisation) {
        return jdbc.sql("delete from webhook where organisation_code = ?").param(organisation).update() == 1;
    }

    boolean rotate(String organisation, String secret, Instant now) {
        return jdbc.sql("update webhook set secret = ?, secret_rotated_at = ? where organisation_code = ?")
                .params(secret, utc(now), organisation).update() == 1;
    }

    boolean enable(String organisation) {
        return jdbc.sql("""
                update webhook set status = 'ACTIVE', consecutive_failures = 0, disabled_at = null
                where organisation_code = ?""").param(organisation).update() == 1;
    }

    void succeeded(String organisation) {
        jdbc.sql("update webhook set consecutive_failures = 0 where organisation_code = ?").param(organisation).update();
    }

    /**
     * Counts a failed delivery; true when this failure disables the webhook. The update that disables
     * succeeds once, so a second node failing at the same time sends no second notice.
     */
    boolean failed(String organisation, int disableAfter, Instant now) {
        jdbc.sql("update webhook set consecutive_failures = consecutive_failures + 1 where organisation_code = ?")
                .param(organisation).update();
        return jdbc.sql("""
                update webhook set status = 'DISABLED', disabled_at = ?
                where organisation_code = ? and status = 'ACTIVE' and consecutive_failures >= ?""")
                .params(utc(now), organisation, disableAfter).update() == 1;
    }

    void logDelivery(String organisation, Outbox.Row row, Instant at, WebhookClient.Outcome outcome) {
        String error = outcome.error() == null ? null
                : outcome.error().length() <= 500 ? outcome.error() : outcome.error().substring(0, 500);
        jdbc.sql("""
                insert into webhook_delivery (organisation_code, notification_id, event_type, reference, attempted_at,
                    status_code, error, duration_ms, succeeded)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(organisation, row.id(), row.eventType(), row.reference(), utc(at), outcome.status(), error,
                        outcome.durationMs(), outcome.succeeded())
                .update();
    }

    List<Webhooks.Delivery> deliveries(String organisation, int page, int size) {
        return jdbc.sql("""
                select notification_id as event_id, event_type, reference, attempted_at, status_code, error,
                    duration_ms, succeeded
                from webhook_delivery where organisation_code = ?
                order by attempted_at desc, id desc offset %d rows fetch next %d rows only"""
                .formatted((long) page * size, size))
                .param(organisation).query(Webhooks.Delivery.class).list();
    }

    long deliveryCount(String organisation) {
        return jdbc.sql("select count(*) from webhook_delivery where organisation_code = ?").param(organisation)
                .query(Long.class).single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
