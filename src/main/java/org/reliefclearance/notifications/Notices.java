package org.reliefclearance.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.TimelineEntryAdded;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.identity.NotificationMode;
import org.reliefclearance.identity.UserProfile;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the notifications of a step into the outbox, in the step's own transaction: called by the
 * steps that cause them (a new task, a reminder, a question to the consignee, a release, ...). Each
 * row holds only what its recipient may see: an official the reference, step and deadline of work;
 * an organisation what its own portal shows of its own consignment; nothing of another organisation.
 */
@Service
public class Notices {

    private final Outbox outbox;
    private final WebhookStore webhooks;
    static final String CUSTOMS_HQ = "customs-hq";

    private final Recipients recipients;
    private final ConsignmentRepository consignments;
    private final NotificationProperties properties;
    private final Clock clock;
    private final ObjectMapper json;

    Notices(Outbox outbox, WebhookStore webhooks, Recipients recipients, ConsignmentRepository consignments,
            NotificationProperties properties, Clock clock, ObjectMapper json) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.recipients = recipients;
        this.consignments = consignments;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    /** A new user task: its assignee, else the members of its candidate groups (and candidate users). */
    void taskCreated(DelegateTask task) {
        List<UserProfile> to;
        if (task.getAssignee() != null) {
            to = recipients.of(List.of(task.getAssignee()), List.of());
        } else {
            List<String> users = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (IdentityLink link : task.getCandidates()) {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                } else if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
            to = recipients.of(users, groups);
        }
        String reference = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        Map<String, Object> data = data("taskId", task.getId(), "taskKey", task.getTaskDefinitionKey(),
                "taskName", task.getName(), "reference", reference,
                "due", task.getDueDate() == null ? null : task.getDueDate().toInstant());
        for (UserProfile user : to) {
            add(NotificationEvent.TASK_CREATED, user, reference, data, task.getId(),
                    user.mode() == NotificationMode.DIGEST);
        }
    }

    /** Half of a review's time has passed: to the holders of the review's open task. */
    public void reviewReminder(String reference, String authority, String reviewInstanceId, Instant dueAt) {
        for (Recipients.Holders holders : recipients.holdersOfOpenTasks(reviewInstanceId)) {
            Map<String, Object> data = data("reference", reference, "authority", authority, "due", dueAt,
                    "taskId", holders.taskId());
            for (UserProfile user : holders.users()) {
                add(NotificationEvent.REVIEW_REMINDER, user, reference, data, reviewInstanceId + ":" + instant(dueAt), false);
            }
        }
    }

    /**
     * A review passed its deadline and goes to the head of the authority: to the reviewing group (and
     * the official it was assigned to) and the head's group. The link is to the review's open task when
     * the mail is sent (the head's, once it exists).
     */
    public void reviewEscalated(String reference, String authority, String reviewInstanceId, Instant dueAt,
                                String reviewGroup, String assignee, String headGroup) {
        List<String> users = new ArrayList<>();
        if (assignee != null) {
            users.add(assignee);
        }
        List<String> groups = new ArrayList<>();
        groups.add(reviewGroup);
        groups.add(headGroup);
        Map<String, Object> data = data("reference", reference, "authority", authority, "due", dueAt,
                "processInstanceId", reviewInstanceId);
        for (UserProfile user : recipients.of(users, groups)) {
            add(NotificationEvent.REVIEW_ESCALATED, user, reference, data, reviewInstanceId + ":" + instant(dueAt), false);
        }
    }

    /** A ministry asks the consignee: the question, as the portal shows it, and the answer's deadline. */
    public void informationRequested(String reference, String authority, String question, Instant answerBy) {
        toConsignee(NotificationEvent.INFORMATION_REQUESTED, reference,
                data("reference", reference, "authority", authority, "question", question, "answerBy", answerBy),
                authority + ":" + instant(answerBy));
    }

    /** A ministry rejected lines of the consignment (the reason as the portal's timeline shows it). */
    public void linesRejected(String reference, String authority, Collection<Integer> lineNos, String reason) {
        TreeSet<Integer> sorted = new TreeSet<>(lineNos);
        toConsignee(NotificationEvent.LINES_REJECTED, reference,
                data("reference", reference, "authority", authority, "lines", lines(reference, sorted), "reason", reason),
                authority + ":" + sorted);
    }

    /** A release note was issued for lines of the consignment. */
    public void released(String reference, String releaseNumber, Collection<Integer> lineNos) {
        toConsignee(NotificationEvent.RELEASED, reference,
                data("reference", reference, "releaseNumber", releaseNumber,
                        "lines", lines(reference, new TreeSet<>(lineNos))),
                releaseNumber);
    }

    /** The provisional declaration was not completed by its deadline ({@code occurrence}: which time). */
    public void declarationOverdue(String reference, String occurrence) {
        toConsignee(NotificationEvent.DECLARATION_OVERDUE, reference, data("reference", reference), occurrence);
    }

    public void emergencyDeclared(String code, String name, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        Map<String, Object> data = data("code", code, "name", name, "startsAt", startsAt.toInstant(),
                "endsAt", endsAt.toInstant());
        for (UserProfile user : recipients.officials()) {
            add(NotificationEvent.EMERGENCY_DECLARED, user, code, data, code, false);
        }
    }

    /** To every member of customs-hq: an e-mail through the outbox, sent once even if the step runs again. */
    public void emergencyInForce(String code, String name, String provinces, OffsetDateTime startsAt,
                                 OffsetDateTime endsAt) {
        Map<String, Object> data = data("code", code, "name", name, "provinces", provinces,
                "startsAt", startsAt.toInstant(), "endsAt", endsAt.toInstant());
        for (UserProfile user : recipients.of(List.of(), List.of(CUSTOMS_HQ))) {
            add(NotificationEvent.EMERGENCY_IN_FORCE, user, code, data, code, false);
        }
    }

    public void emergencyEnded(String code, String name, OffsetDateTime endedAt) {
        Map<String, Object> data = data("code", code, "name", name, "endedAt", endedAt.toInstant());
        for (UserProfile user : recipients.officials()) {
            add(NotificationEvent.EMERGENCY_ENDED, user, code, data, code, false);
        }
    }

    /** Every timeline entry of a consignment, for its organisation's webhook (e-mail keeps to the events above). */
    public void caseEvent(TimelineEntryAdded entry) {
        toWebhook(NotificationEvent.CASE_EVENT, entry.organisationCode(), entry.reference(),
                data("reference", entry.reference(), "event", entry.eventType(), "actor", entry.actor(),
                        "authority", entry.authorityCode(), "detail", entry.detail(),
                        "occurredAt", entry.occurredAt().toInstant()),
                entry.reference() + ":entry:" + entry.id());
    }

    private void toConsignee(NotificationEvent event, String reference, Map<String, Object> data, String occurrence) {
        Consignment consignment = consignments.findByReference(reference).orElse(null);
        if (consignment == null) {
            return;
        }
        for (UserProfile user : recipients.organisation(consignment.organisationCode())) {
            add(event, user, reference, data, reference + ":" + occurrence, false);
        }
        toWebhook(event, consignment.organisationCode(), reference, data, reference + ":" + occurrence);
    }

    /**
     * The same event for the organisation's system, when it registered a webhook (a disabled one's
     * events wait for it): one row per organisation and occurrence, in this same transaction.
     */
    private void toWebhook(NotificationEvent event, String organisation, String reference, Map<String, Object> data,
                           String occurrence) {
        if (organisation == null || !webhooks.registered(organisation)) {
            return;
        }
        Instant now = clock.instant();
        outbox.add(Channel.WEBHOOK, organisation, event, reference, "en", false, write(data),
                Outbox.dedupKey(event, occurrence, "webhook:" + organisation), now, now);
    }

    /** The organisation's webhook was disabled after {@code failures} failed deliveries: its members hear of it. */
    void webhookDisabled(String organisation, String url, int failures, String lastError, Instant disabledAt) {
        Map<String, Object> data = data("organisation", organisation, "url", url, "failures", failures,
                "lastError", lastError, "disabledAt", disabledAt);
        for (UserProfile user : recipients.organisation(organisation)) {
            add(NotificationEvent.WEBHOOK_DISABLED, user, null, data, organisation + ":" + instant(disabledAt), false);
        }
    }

    /** The consignee's own lines, as its portal lists them: number and description. */
    private List<String> lines(String reference, Collection<Integer> lineNos) {
        return consignments.findByReference(reference)
                .map(c -> consignments.lines(c.id()).stream().filter(l -> lineNos.contains(l.lineNo()))
                        .map(l -> l.lineNo() + " " + l.description()).toList())
                .orElse(List.of());
    }

    private void add(NotificationEvent event, UserProfile user, String reference, Map<String, Object> data,
                     String occurrence, boolean digest) {
        Instant now = clock.instant();
        Instant due = digest ? now.plus(properties.digestInterval()) : now;
        outbox.add(Channel.EMAIL, user.id(), event, reference, user.language().toLanguageTag(), digest, write(data),
                Outbox.dedupKey(event, occurrence, user.id()), now, due);
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null) {
                data.put((String) pairs[i], value instanceof Instant t ? t.toString() : value);
            }
        }
        return data;
    }

    private static String instant(Instant instant) {
        return instant == null ? "-" : String.valueOf(instant.toEpochMilli());
    }

    private String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
