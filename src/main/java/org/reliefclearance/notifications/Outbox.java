package org.reliefclearance.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code notification} table. Rows are added in the caller's transaction (the engine's, for a
 * step of a case), so they exist exactly when the step does. Senders claim rows for a while before
 * sending them: a row is claimed by one atomic update that only succeeds while nobody else holds it,
 * so two nodes never send the same row; PostgreSQL also skips rows another node is claiming.
 */
@Repository
class Outbox {

    static final int MAX_KEY = 300;

    /** A row to send. */
    record Row(long id, String channel, String recipient, String eventType, String reference, String language, boolean digest,
               String data, OffsetDateTime createdAt, int attempts) {

        NotificationEvent event() {
            return NotificationEvent.valueOf(eventType);
        }
    }

    private static final String COLUMNS =
            "id, channel, recipient, event_type, reference, language, digest, data, created_at, attempts";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;
    private volatile String skipLocked;

    Outbox(JdbcClient jdbc, PlatformTransactionManager transactions, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Adds the row unless one with the same dedup key exists; true when added. */
    boolean add(Channel channel, String recipient, NotificationEvent event, String reference, String language,
                boolean digest, String data, String dedupKey, Instant now, Instant dueAt) {
        return jdbc.sql("""
                insert into notification (channel, recipient, event_type, reference, language, digest, data, dedup_key,
                    created_at, due_at)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from notification where dedup_key = ?)""")
                .params(channel.name(), recipient, event.name(), reference, language, digest, data, dedupKey,
                        utc(now), utc(dueAt), dedupKey)
                .update() == 1;
    }

    /**
     * Claims up to {@code limit} due rows of the channel for {@code node} until {@code lockUntil}. A
     * webhook row waits while its organisation's webhook is disabled.
     */
    List<Row> claimDue(Channel channel, String node, Instant now, Instant lockUntil, int limit) {
        String webhookActive = channel != Channel.WEBHOOK ? "" : """
                 and exists (select 1 from webhook w where w.organisation_code = notification.recipient
                     and w.status = 'ACTIVE')""";
        return transaction.execute(tx -> {
            List<Long> candidates = jdbc.sql("""
                    select id from notification
                    where channel = ? and sent_at is null and due_at <= ? and (locked_until is null or locked_until < ?)
                    %s
                    order by due_at, id fetch first %d rows only""".formatted(webhookActive, limit) + skipLocked())
                    .params(channel.name(), utc(now), utc(now)).query(Long.class).list();
            return claim(candidates, node, now, lockUntil);
        });
    }

    /** Claims every unsent digest row of the recipient, due or not: they go in one mail. */
    List<Row> claimDigest(String recipient, String node, Instant now, Instant lockUntil) {
        return transaction.execute(tx -> {
            List<Long> candidates = jdbc.sql("""
                    select id from notification
                    where recipient = ? and digest = true and sent_at is null
                      and (locked_until is null or locked_until < ?)
                    order by created_at, id""" + skipLocked())
                    .params(recipient, utc(now)).query(Long.class).list();
            return claim(candidates, node, now, lockUntil);
        });
    }

    void sent(long id, String node, String subject, Instant now) {
        jdbc.sql("""
                update notification set sent_at = ?, subject = ?, attempts = attempts + 1, last_error = null,
                    locked_until = null
                where id = ? and locked_by = ?""")
                .params(utc(now), subject.length() <= 300 ? subject : subject.substring(0, 300), id, node).update();
    }

    /** Kept for another try at {@code retryAt}: a mail server that is down delays, never drops. */
    void failed(long id, String node, String error, Instant retryAt) {
        String detail = error == null ? "unknown error" : error.length() <= 2000 ? error : error.substring(0, 2000);
        jdbc.sql("""
                update notification set attempts = attempts + 1, last_error = ?, due_at = ?,
                    locked_by = null, locked_until = null
                where id = ? and locked_by = ?""")
                .params(detail, utc(retryAt), id, node).update();
    }

    /** Gives a claimed row back unsent and untried (its webhook was disabled meanwhile). */
    void release(long id, String node) {
        jdbc.sql("update notification set locked_by = null, locked_until = null where id = ? and locked_by = ?")
                .params(id, node).update();
    }

    /** The organisation's undelivered webhook rows are due now (its webhook was enabled again). */
    int resumeWebhook(String organisation, Instant now) {
        return jdbc.sql("""
                update notification set due_at = ? where channel = 'WEBHOOK' and recipient = ? and sent_at is null""")
                .params(utc(now), organisation).update();
    }

    /**
     * The organisation removed its webhook: its undelivered rows have nowhere to go. They are closed
     * (with the reason in {@code last_error}) rather than deleted, so what was pending stays visible.
     */
    int closeWebhook(String organisation, Instant now) {
        return jdbc.sql("""
                update notification set sent_at = ?, last_error = 'webhook removed before delivery',
                    locked_by = null, locked_until = null
                where channel = 'WEBHOOK' and recipient = ? and sent_at is null""")
                .params(utc(now), organisation).update();
    }

    /** Rows not sent yet. */
    long unsent() {
        return jdbc.sql("select count(*) from notification where sent_at is null").query(Long.class).single();
    }

    /** Rows not sent yet whose last try failed. */
    long failing() {
        return jdbc.sql("select count(*) from notification where sent_at is null and attempts > 0")
                .query(Long.class).single();
    }

    /**
     * The row's dedup key: event, what identifies its occurrence, and the recipient. A long key (many
     * lines) is shortened to a hash of its occurrence, which identifies it as well.
     */
    static String dedupKey(NotificationEvent event, String occurrence, String recipient) {
        String key = event.name() + ":" + occurrence + ":" + recipient;
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(occurrence.getBytes(StandardCharsets.UTF_8));
            return event.name() + ":" + HexFormat.of().formatHex(hash) + ":" + recipient;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Row> claim(List<Long> candidates, String node, Instant now, Instant lockUntil) {
        List<Long> mine = candidates.stream().filter(id -> jdbc.sql("""
                update notification set locked_by = ?, locked_until = ?
                where id = ? and sent_at is null and (locked_until is null or locked_until < ?)""")
                .params(node, utc(lockUntil), id, utc(now)).update() == 1).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from notification where id in (:ids) order by created_at, id")
                .param("ids", mine).query(Row.class).list();
    }

    /** PostgreSQL: rows another node is claiming are skipped rather than waited for. */
    private String skipLocked() {
        if (skipLocked == null) {
            String product;
            try {
                product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            } catch (MetaDataAccessException e) {
                product = "";
            }
            skipLocked = product.toLowerCase(Locale.ROOT).contains("postgres") ? " for update skip locked" : "";
        }
        return skipLocked;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
