package org.reliefclearance.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import org.reliefclearance.identity.UserProfile;
import org.reliefclearance.identity.UserProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Sends the outbox's mails (webhooks: {@link WebhookSender}), off every request and engine transaction: claims the due rows, sends each as a
 * mail (a digest user's new tasks as one mail), marks it sent, or keeps it for a later try with a
 * growing back-off when the mail server fails. Every node runs it; the claim keeps each row to one.
 */
@Component
public class NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    /** The stream provider of the Jakarta Mail implementation on the classpath (Angus Mail). */
    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader scan of every jar, again for each
        // message and part (jakartaee/mail-api#861): half of what sending a mail costs the service. Named,
        // the lookup is a class lookup.
        if (System.getProperty(StreamProvider.class.getName()) == null && ClassUtils.isPresent(STREAM_PROVIDER, null)) {
            System.setProperty(StreamProvider.class.getName(), STREAM_PROVIDER);
        }
    }

    private final Outbox outbox;
    private final MailComposer composer;
    private final UserProfiles profiles;
    private final JavaMailSender mail;
    private final NotificationProperties properties;
    private final Clock clock;
    private final String node;

    @Autowired
    NotificationSender(Outbox outbox, MailComposer composer, UserProfiles profiles, JavaMailSender mail,
                       NotificationProperties properties, Clock clock) {
        this(outbox, composer, profiles, mail, properties, clock, OutboxDrain.nodeName());
    }

    /** A sender that names itself {@code node} when it claims rows (a second node, in tests). */
    NotificationSender(Outbox outbox, MailComposer composer, UserProfiles profiles, JavaMailSender mail,
                       NotificationProperties properties, Clock clock, String node) {
        this.outbox = outbox;
        this.composer = composer;
        this.profiles = profiles;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        this.node = node;
    }

    @Scheduled(fixedDelayString = "${relief.notifications.poll-interval:PT5S}", initialDelayString = "PT10S")
    void poll() {
        if (Boolean.TRUE.equals(properties.enabled())) {
            try {
                sendDue();
            } catch (RuntimeException e) {
                log.warn("Notifications not sent this round: {}", e.getMessage());
            }
        }
    }

    /** Sends what is due now; returns how many rows were sent. */
    public int sendDue() {
        OutboxDrain.Tally tally = OutboxDrain.drain(outbox, Channel.EMAIL, node, properties, clock, this::sendBatch);
        if (tally.failed > 0) {
            // one line a round, not one a mail: an outage of the mail server is one fact
            log.warn("{} notification(s) not sent, kept for another try ({} sent): {}", tally.failed, tally.sent,
                    tally.lastError);
        }
        return tally.sent;
    }

    /** A digest user's rows (with any of theirs not yet claimed) as one mail, every other row alone. */
    private void sendBatch(List<Outbox.Row> claimed, Instant now, OutboxDrain.Tally tally) {
        Map<String, List<Outbox.Row>> digests = new LinkedHashMap<>();
        for (Outbox.Row row : claimed) {
            if (row.digest()) {
                digests.computeIfAbsent(row.recipient(), r -> new ArrayList<>()).add(row);
            } else {
                send(List.of(row), now, tally);
            }
        }
        for (Map.Entry<String, List<Outbox.Row>> digest : digests.entrySet()) {
            List<Outbox.Row> rows = new ArrayList<>(digest.getValue());
            rows.addAll(outbox.claimDigest(digest.getKey(), node, now, now.plus(properties.lockFor())));
            send(rows, now, tally);
        }
    }

    /** One mail for the rows (one row, or a digest user's rows); all sent or all kept. */
    private void send(List<Outbox.Row> rows, Instant now, OutboxDrain.Tally tally) {
        Outbox.Row first = rows.get(0);
        try {
            Optional<UserProfile> to = profiles.find(first.recipient()).filter(UserProfile::hasEmail);
            if (to.isEmpty()) {
                throw new IllegalStateException("user '" + first.recipient() + "' has no e-mail address");
            }
            MailComposer.Mail composed = first.digest() ? composer.digest(rows, to.get()) : composer.single(first, to.get());
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to.get().email());
            helper.setSubject(composed.subject());
            helper.setText(composed.text(), composed.html());
            mail.send(message);
            rows.forEach(row -> outbox.sent(row.id(), node, composed.subject(), now));
            tally.sent(rows.size());
        } catch (MessagingException | RuntimeException e) {
            // MailException (server down, address refused) included: kept for another try, never dropped
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.debug("Notification {} to '{}' not sent (attempt {}): {}", first.id(), first.recipient(),
                    first.attempts() + 1, error);
            rows.forEach(row -> outbox.failed(row.id(), node, error, now.plus(properties.backOff(row.attempts() + 1))));
            tally.failed(rows.size(), error);
        }
    }
}
