package org.reliefclearance.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.reliefclearance.consignment.InvalidInputException;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An organisation's webhook: registered (the URL checked and the verification handshake answered
 * before anything is stored), read, removed, its secret rotated, enabled again after it was disabled.
 * Which organisation is always the caller's, from its authentication.
 */
@Service
public class Webhooks {

    /** A webhook as its organisation sees it; never the secret. */
    public record Webhook(String organisationCode, String url, WebhookStatus status, OffsetDateTime createdAt,
                          String registeredBy, OffsetDateTime secretRotatedAt, int consecutiveFailures,
                          OffsetDateTime disabledAt) {
    }

    /** A webhook just registered, with its secret: shown this once. */
    public record Registered(Webhook webhook, String secret) {
    }

    /** One attempt to deliver an event. */
    public record Delivery(long eventId, String eventType, String reference, OffsetDateTime attemptedAt,
                           Integer statusCode, String error, long durationMs, boolean succeeded) {
    }

    public record Deliveries(List<Delivery> deliveries, int page, int size, long total) {
    }

    private final WebhookStore store;
    private final Outbox outbox;
    private final WebhookClient client;
    private final WebhookUrlRule rule;
    private final WebhookProperties properties;
    private final Clock clock;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;

    Webhooks(WebhookStore store, Outbox outbox, WebhookClient client, WebhookProperties properties, Environment environment,
             Clock clock, ObjectMapper json, PlatformTransactionManager transactions) {
        this.store = store;
        this.outbox = outbox;
        this.client = client;
        this.rule = rule(properties, environment);
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** HTTP is for the demo (and tests), private addresses for tests only. */
    static WebhookUrlRule rule(WebhookProperties properties, Environment environment) {
        return new WebhookUrlRule(properties.allowHttp() || environment.acceptsProfiles(Profiles.of("demo")),
                properties.allowPrivateAddresses());
    }

    WebhookUrlRule rule() {
        return rule;
    }

    /**
     * Registers (or replaces) the organisation's webhook. Refused, with nothing stored, when the URL is
     * not allowed or does not answer the handshake: a POST of {@code {"type":"verification",
     * "challenge":"..."}} signed with the new secret, answered 2xx with the challenge in the body.
     * Replacing re-enables and makes the waiting events due at once.
     */
    public Registered register(String organisation, String userId, String url) {
        URI uri = rule.check(url);
        String secret = WebhookSignature.newSecret();
        handshake(uri, secret);
        Instant now = clock.instant();
        transaction.executeWithoutResult(tx -> {
            store.save(organisation, uri.toString(), secret, userId, now);
            outbox.resumeWebhook(organisation, now);
        });
        return new Registered(store.find(organisation).orElseThrow(), secret);
    }

    public Optional<Webhook> find(String organisation) {
        return store.find(organisation);
    }

    /** Removes the webhook; the events not delivered yet are closed, not sent anywhere. */
    public boolean remove(String organisation) {
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            boolean removed = store.delete(organisation);
            if (removed) {
                outbox.closeWebhook(organisation, clock.instant());
            }
            return removed;
        }));
    }

    /** A new secret, shown once; the next delivery is signed with it. */
    public Optional<String> rotateSecret(String organisation) {
        String secret = WebhookSignature.newSecret();
        return store.rotate(organisation, secret, clock.instant()) ? Optional.of(secret) : Optional.empty();
    }

    /** Active again, failures forgotten; the events that waited are due at once. */
    public Optional<Webhook> enable(String organisation) {
        transaction.executeWithoutResult(tx -> {
            if (store.enable(organisation)) {
                outbox.resumeWebhook(organisation, clock.instant());
            }
        });
        return store.find(organisation);
    }

    /** The delivery log, latest first. */
    public Deliveries deliveries(String organisation, int page, int size) {
        return new Deliveries(store.deliveries(organisation, page, size), page, size, store.deliveryCount(organisation));
    }

    private void handshake(URI uri, String secret) {
        String challenge = WebhookSignature.random(24);
        String body;
        try {
            body = json.writeValueAsString(new Verification("verification", challenge));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        WebhookClient.Outcome outcome = client.post(uri, body, secret, "verification-" + challenge,
                properties.handshakeTimeout());
        if (outcome.error() != null) {
            throw new InvalidInputException(WebhookUrlRule.FIELD,
                    "did not answer the verification handshake: " + outcome.error());
        }
        if (!outcome.succeeded()) {
            throw new InvalidInputException(WebhookUrlRule.FIELD,
                    "did not accept the verification handshake: it answered HTTP " + outcome.status());
        }
        if (outcome.body() == null || !outcome.body().contains(challenge)) {
            throw new InvalidInputException(WebhookUrlRule.FIELD,
                    "did not echo the verification challenge in its answer");
        }
    }

    private record Verification(String type, String challenge) {
    }
}
