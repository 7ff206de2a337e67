package org.reliefclearance.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.reliefclearance.consignment.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Delivers the outbox's webhook rows, off every request and engine transaction: claims the due rows
 * (as {@link NotificationSender} claims mails, so two nodes never deliver the same row), POSTs each
 * signed, logs the attempt, marks the row delivered on a 2xx answer, else keeps it for another try
 * with the outbox's back-off. After {@code relief.webhooks.disable-after} failures in a row the webhook
 * is disabled and the organisation's members get a mail; its events wait until it is enabled again.
 */
@Component
public class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };

    private final Outbox outbox;
    private final WebhookStore store;
    private final WebhookClient client;
    private final Webhooks webhooks;
    private final Notices notices;
    private final NotificationProperties notificationProperties;
    private final WebhookProperties properties;
    private final Clock clock;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final String node;

    @Autowired
    WebhookSender(Outbox outbox, WebhookStore store, WebhookClient client, Webhooks webhooks, Notices notices,
                  NotificationProperties notificationProperties, WebhookProperties properties, Clock clock,
                  ObjectMapper json, PlatformTransactionManager transactions) {
        this(outbox, store, client, webhooks, notices, notificationProperties, properties, clock, json, transactions,
                OutboxDrain.nodeName());
    }

    /** A sender that names itself {@code node} when it claims rows (another node, or a restarted one, in tests). */
    WebhookSender(Outbox outbox, WebhookStore store, WebhookClient client, Webhooks webhooks, Notices notices,
                  NotificationProperties notificationProperties, WebhookProperties properties, Clock clock,
                  ObjectMapper json, PlatformTransactionManager transactions, String node) {
        this.outbox = outbox;
        this.store = store;
        this.client = client;
        this.webhooks = webhooks;
        this.notices = notices;
        this.notificationProperties = notificationProperties;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.node = node;
    }

    @Scheduled(fixedDelayString = "${relief.notifications.poll-interval:PT5S}", initialDelayString = "PT12S")
    void poll() {
        if (Boolean.TRUE.equals(notificationProperties.enabled())) {
            try {
                sendDue();
            } catch (RuntimeException e) {
                log.warn("Webhooks not delivered this round: {}", e.getMessage());
            }
        }
    }

    /** Delivers what is due now; returns how many rows were delivered. */
    public int sendDue() {
        OutboxDrain.Tally tally = OutboxDrain.drain(outbox, Channel.WEBHOOK, node, notificationProperties, clock,
                (claimed, now, t) -> claimed.forEach(row -> deliver(row, now).ifPresentOrElse(
                        error -> {
                            if (!error.isEmpty()) {
                                t.failed(1, error);
                            }
                        },
                        () -> t.sent(1))));
        if (tally.failed > 0) {
            log.warn("{} webhook delivery(ies) failed, kept for another try ({} delivered): {}", tally.failed,
                    tally.sent, tally.lastError);
        }
        return tally.sent;
    }

    /** Empty when delivered; the error when it failed; "" when the row was not tried. */
    private Optional<String> deliver(Outbox.Row row, Instant now) {
        String organisation = row.recipient();
        Optional<WebhookStore.Target> target = store.target(organisation);
        if (target.isEmpty() || target.get().status() != WebhookStatus.ACTIVE) {
            // removed or disabled since the row was claimed: it waits (a removed webhook's rows are closed)
            outbox.release(row.id(), node);
            return Optional.of("");
        }
        Instant attemptedAt = clock.instant();
        WebhookClient.Outcome outcome;
        try {
            URI url = webhooks.rule().check(target.get().url());
            outcome = client.post(url, body(row), target.get().secret(), Long.toString(row.id()),
                    properties.requestTimeout());
        } catch (InvalidInputException e) {
            // the name resolves elsewhere now (e.g. into a private network): not called
            outcome = new WebhookClient.Outcome(null, null, "URL refused: " + e.getMessage(), 0);
        }
        WebhookClient.Outcome result = outcome;
        transaction.executeWithoutResult(tx -> {
            store.logDelivery(organisation, row, attemptedAt, result);
            if (result.succeeded()) {
                outbox.sent(row.id(), node, result.summary(), now);
                store.succeeded(organisation);
            } else {
                outbox.failed(row.id(), node, result.summary(), now.plus(notificationProperties.backOff(row.attempts() + 1)));
                if (store.failed(organisation, properties.disableAfter(), now)) {
                    log.warn("Webhook of organisation {} disabled after {} failed deliveries in a row: {}",
                            organisation, properties.disableAfter(), result.summary());
                    notices.webhookDisabled(organisation, target.get().url(), properties.disableAfter(),
                            result.summary(), now);
                }
            }
        });
        log.debug("Webhook event {} to {}: {}", row.id(), organisation, result.summary());
        return result.succeeded() ? Optional.empty() : Optional.of(result.summary());
    }

    /**
     * What the receiver gets: the event id (the outbox row's, the same on every retry), type, when it
     * happened, the consignment's reference and what the organisation's own portal shows of it.
     */
    String body(Outbox.Row row) {
        try {
            Map<String, Object> data = new LinkedHashMap<>(json.readValue(row.data(), DATA));
            data.remove("reference");
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", Long.toString(row.id()));
            event.put("type", row.eventType());
            event.put("occurredAt", row.createdAt().toInstant().toString());
            event.put("reference", row.reference());
            event.put("data", data);
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Notification " + row.id() + " holds no readable data", e);
        }
    }
}
