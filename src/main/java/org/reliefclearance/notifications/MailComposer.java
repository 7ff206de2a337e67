package org.reliefclearance.notifications;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reliefclearance.identity.UserProfile;
import org.reliefclearance.registry.Authority;
import org.reliefclearance.pages.ExerciseMode;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.words.Languages;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A notification in words, in the language of its row: subject, plain text and HTML
 * ({@code templates/mail/notice.html}), from the data its row holds and nothing else, with the link
 * to the task in Tasklist or to the case in the organisation portal.
 */
@Component
class MailComposer {

    static final String TEMPLATE = "mail/notice";

    record Mail(String subject, String text, String html) {
    }

    record Fact(String label, String value) {
    }

    /** One event in a mail: a digest lists several. */
    record Item(String title, List<Fact> facts, String quoteLabel, String quote, String link, String linkText) {
    }

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };

    private final Vocabulary vocabulary;
    private final Registry registry;
    private final Recipients recipients;
    private final NotificationProperties properties;
    private final ITemplateEngine templates;
    private final ObjectMapper json;
    private final ExerciseMode exerciseMode;

    MailComposer(Vocabulary vocabulary, Registry registry, Recipients recipients, NotificationProperties properties,
                 ITemplateEngine templates, ObjectMapper json, ExerciseMode exerciseMode) {
        this.exerciseMode = exerciseMode;
        this.vocabulary = vocabulary;
        this.registry = registry;
        this.recipients = recipients;
        this.properties = properties;
        this.templates = templates;
        this.json = json;
    }

    Mail single(Outbox.Row row, UserProfile to) {
        Words words = words(row);
        Map<String, Object> data = read(row);
        Object[] args = args(row.event(), data, words);
        String key = "mail." + row.event().name();
        String subject = words.text(key + ".subject", args);
        return mail(words, to, subject, words.text(key + ".intro", args), List.of(item(row.event(), data, words, null)));
    }

    /** New tasks of a digest user, one mail for all. */
    Mail digest(List<Outbox.Row> rows, UserProfile to) {
        Words words = words(rows.get(0));
        List<Item> items = new ArrayList<>();
        for (Outbox.Row row : rows) {
            Map<String, Object> data = read(row);
            items.add(item(row.event(), data, words, words.text("mail." + row.event().name() + ".subject",
                    args(row.event(), data, words))));
        }
        return mail(words, to, words.text("mail.digest.subject", rows.size()), words.text("mail.digest.intro"), items);
    }

    private Mail mail(Words words, UserProfile to, String plainSubject, String intro, List<Item> items) {
        // an exercise's mails say so first, in the subject and the body, so no one acts on them for real
        boolean exercise = exerciseMode.isOn();
        String subject = exercise ? words.text("exercise.mail.subject", plainSubject) : plainSubject;
        Context context = new Context(words.locale(), Map.of("words", words, "subject", subject,
                "greeting", words.text("mail.greeting", to.greeting()), "intro", intro, "items", items,
                "footer", words.text("mail.footer"), "exercise", exercise));
        String html = templates.process(TEMPLATE, context);
        StringBuilder text = new StringBuilder(exercise ? words.text("exercise.banner") + "\n\n" : "")
                .append(words.text("mail.greeting", to.greeting())).append("\n\n")
                .append(intro).append("\n");
        for (Item item : items) {
            text.append("\n");
            if (item.title() != null) {
                text.append(item.title()).append("\n");
            }
            item.facts().forEach(f -> text.append(f.label()).append(": ").append(f.value()).append("\n"));
            if (item.quote() != null) {
                text.append(item.quoteLabel()).append(": ").append(item.quote()).append("\n");
            }
            text.append(item.linkText()).append(": ").append(item.link()).append("\n");
        }
        text.append("\n-- \n").append(words.text("mail.footer")).append("\n");
        return new Mail(subject, text.toString(), html);
    }

    /** The subject's and intro's arguments: {0} the reference (or emergency), {1} what the event names. */
    private Object[] args(NotificationEvent event, Map<String, Object> data, Words words) {
        String reference = text(data, "reference");
        return switch (event) {
            case TASK_CREATED -> new Object[] {reference, step(data, words)};
            case REVIEW_REMINDER, REVIEW_ESCALATED -> new Object[] {reference, words.deadline(time(data, "due"))};
            case INFORMATION_REQUESTED, LINES_REJECTED -> new Object[] {reference, authority(data, words)};
            case RELEASED -> new Object[] {reference, text(data, "releaseNumber")};
            case DECLARATION_OVERDUE -> new Object[] {reference, ""};
            case CASE_EVENT -> new Object[] {reference, text(data, "event")};
            case WEBHOOK_DISABLED -> new Object[] {text(data, "url"), text(data, "failures")};
            case EMERGENCY_DECLARED, EMERGENCY_ENDED, EMERGENCY_IN_FORCE ->
                    new Object[] {text(data, "name"), text(data, "code")};
        };
    }

    private Item item(NotificationEvent event, Map<String, Object> data, Words words, String title) {
        List<Fact> facts = new ArrayList<>();
        String quoteLabel = null;
        String quote = null;
        String link;
        String linkText;
        switch (event) {
            case EMERGENCY_DECLARED, EMERGENCY_ENDED, EMERGENCY_IN_FORCE -> {
                facts.add(new Fact(words.text("mail.fact.emergency"), text(data, "name") + " (" + text(data, "code") + ")"));
                if (event == NotificationEvent.EMERGENCY_IN_FORCE) {
                    facts.add(new Fact(words.text("mail.fact.provinces"), text(data, "provinces")));
                }
                if (event != NotificationEvent.EMERGENCY_ENDED) {
                    facts.add(new Fact(words.text("mail.fact.period"),
                            words.time(time(data, "startsAt")) + " - " + words.time(time(data, "endsAt"))
                                    + " (" + words.zone() + ")"));
                } else {
                    facts.add(new Fact(words.text("mail.fact.endedAt"), words.time(time(data, "endedAt"))
                            + " (" + words.zone() + ")"));
                }
                link = properties.tasklistUrl() + "/";
                linkText = words.text("mail.open.tasklist");
            }
            case WEBHOOK_DISABLED -> {
                facts.add(new Fact(words.text("mail.fact.webhook"), text(data, "url")));
                facts.add(new Fact(words.text("mail.fact.disabledAt"), words.time(time(data, "disabledAt"))
                        + " (" + words.zone() + ")"));
                quoteLabel = words.text("mail.fact.lastError");
                quote = text(data, "lastError");
                link = properties.portalUrl() + "/api/organisation/webhook/deliveries";
                linkText = words.text("mail.open.deliveries");
            }
            default -> {
                facts.add(new Fact(words.text("mail.fact.reference"), text(data, "reference")));
                switch (event) {
                    case TASK_CREATED -> {
                        facts.add(new Fact(words.text("mail.fact.step"), step(data, words)));
                        if (data.get("due") != null) {
                            facts.add(new Fact(words.text("mail.fact.due"), words.deadline(time(data, "due"))));
                        }
                    }
                    case REVIEW_REMINDER, REVIEW_ESCALATED -> {
                        facts.add(new Fact(words.text("mail.fact.authority"), authority(data, words)));
                        facts.add(new Fact(words.text("mail.fact.due"), words.deadline(time(data, "due"))));
                    }
                    case INFORMATION_REQUESTED -> {
                        facts.add(new Fact(words.text("mail.fact.authority"), authority(data, words)));
                        facts.add(new Fact(words.text("mail.fact.answerBy"), words.deadline(time(data, "answerBy"))));
                        quoteLabel = words.text("mail.fact.question");
                        quote = text(data, "question");
                    }
                    case LINES_REJECTED -> {
                        facts.add(new Fact(words.text("mail.fact.authority"), authority(data, words)));
                        facts.add(new Fact(words.text("mail.fact.lines"), lines(data)));
                        quoteLabel = words.text("mail.fact.reason");
                        quote = text(data, "reason");
                    }
                    case RELEASED -> {
                        facts.add(new Fact(words.text("mail.fact.releaseNumber"), text(data, "releaseNumber")));
                        facts.add(new Fact(words.text("mail.fact.lines"), lines(data)));
                    }
                    default -> {
                    }
                }
                if (organisationEvent(event)) {
                    link = properties.portalUrl() + "/portal/consignments/" + text(data, "reference");
                    linkText = words.text("mail.open.case");
                } else {
                    String taskId = data.get("taskId") != null ? text(data, "taskId")
                            : data.get("processInstanceId") != null
                            ? recipients.openTask(text(data, "processInstanceId")).orElse(null) : null;
                    link = properties.tasklistUrl() + (taskId == null ? "/" : "/#/?task=" + taskId);
                    linkText = words.text(taskId == null ? "mail.open.tasklist" : "mail.open.task");
                }
            }
        }
        return new Item(title, facts, quoteLabel, quote, link, linkText);
    }

    static boolean organisationEvent(NotificationEvent event) {
        return switch (event) {
            case INFORMATION_REQUESTED, LINES_REJECTED, RELEASED, DECLARATION_OVERDUE -> true;
            default -> false;
        };
    }

    private Words words(Outbox.Row row) {
        return vocabulary.in(Languages.of(row.language()).orElse(Locale.ENGLISH));
    }

    private String step(Map<String, Object> data, Words words) {
        return words.step(text(data, "taskKey"), text(data, "taskName"));
    }

    private String authority(Map<String, Object> data, Words words) {
        String code = text(data, "authority");
        return words.authority(code, registry.authority(code).map(Authority::name).orElse(code));
    }

    private static String lines(Map<String, Object> data) {
        Object lines = data.get("lines");
        return lines instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList()) : "-";
    }

    private static OffsetDateTime time(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? null : Instant.parse(value.toString()).atOffset(ZoneOffset.UTC);
    }

    private static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? "-" : value.toString();
    }

    private Map<String, Object> read(Outbox.Row row) {
        try {
            return json.readValue(row.data(), DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Notification " + row.id() + " holds no readable data", e);
        }
    }
}
