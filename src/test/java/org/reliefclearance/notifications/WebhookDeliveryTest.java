package org.reliefclearance.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.clearance.ClearanceCases.MEDICINE;
import static org.reliefclearance.clearance.ClearanceCases.TENTS;
import static org.reliefclearance.clearance.ClearanceCases.VACCINES;
import static org.reliefclearance.clearance.ClearanceCases.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.clearance.api.ApiClient;
import org.reliefclearance.review.LineMinistryReview;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each event of an organisation's consignments reaches its webhook once, signed (the receiver checks
 * signature and replay window), and never another organisation's; a receiver that is down delays the
 * events (every attempt in the delivery log, retried with the outbox's back-off) and each arrives once
 * when it is back, also through a sender that started anew; too many failures in a row disable the
 * webhook and mail the organisation, and enabling it delivers what waited.
 */
@ServiceTest
class WebhookDeliveryTest {

    @Autowired
    ClearanceCases cases;
    @Autowired
    ProcessEngine engine;
    @Autowired
    WebhookSender sender;
    @Autowired
    NotificationSender mailSender;
    @Autowired
    Webhooks webhooks;
    @Autowired
    Notices notices;
    @Autowired
    Outbox outbox;
    @Autowired
    WebhookStore store;
    @Autowired
    WebhookClient client;
    @Autowired
    NotificationProperties notificationProperties;
    @Autowired
    WebhookProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestRestTemplate http;

    static TestWebhookReceiver receiver;
    /** The last outbox row before this test: its own rows come after. */
    long before;
    final TestMailServer mail = TestMailServer.shared();

    record Row(long id, String recipient, String eventType, String reference, int attempts, OffsetDateTime sentAt,
               String lastError) {
    }

    record Logged(long notificationId, Integer statusCode, String error, boolean succeeded, long durationMs) {
    }

    /**
     * Every test class shares one engine, and notifications are off in tests: the rows other tests
     * queued would otherwise fill the sender's rounds before this test's own.
     */
    @BeforeEach
    void setAsideWhatOtherTestsQueued() {
        if (receiver == null) {
            receiver = TestWebhookReceiver.start(clock::instant);
        }
        jdbc.sql("update notification set sent_at = current_timestamp, last_error = 'set aside by a test'"
                + " where sent_at is null").update();
        jdbc.sql("delete from webhook").update();
        jdbc.sql("delete from webhook_delivery").update();
        before = jdbc.sql("select coalesce(max(id), 0) from notification").query(Long.class).single();
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        jdbc.sql("delete from webhook").update();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.stop();
            receiver = null;
        }
    }

    @Test
    void eachEventOfItsOwnConsignmentsReachesTheOrganisationOnceSigned() {
        register("WFP", "wfp", "wfp-events");
        register("LRC", "laoredcross", "lrc-events");

        ProcessInstance asked = cases.submit(notification("WFP", false, MEDICINE));
        cases.endorse(asked);
        ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(asked.getId())
                .variableValueEquals(LineMinistryReview.Vars.AUTHORITY.name(), "MOH_FDD").singleResult();
        Task reviewTask = engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).singleResult();
        engine.getTaskService().complete(reviewTask.getId(), Variables.createVariables()
                .putValue(LineMinistryReview.Vars.REVIEW_DECISION.name(), "REQUEST_INFORMATION")
                .putValue(LineMinistryReview.Vars.INFORMATION_REQUEST.name(), "Send the certificate of analysis of line 1"));
        cases.runJobs(asked);

        ProcessInstance rejected = cases.submit(notification("WFP", false, MEDICINE, VACCINES));
        cases.endorse(rejected);
        cases.review(rejected, "MOH_FDD", "REJECT_LINES", List.of(2), "Cold chain not documented");

        ProcessInstance released = cases.releasedWithoutPermits(true);
        cases.fireTimer(released, ClearanceProcess.Elements.DECLARATION_OVERDUE);

        sender.sendDue();
        sender.sendDue();

        String wfpAsked = asked.getBusinessKey();
        String wfpRejected = rejected.getBusinessKey();
        String lrc = released.getBusinessKey();
        assertThat(consigneeEvents("wfp-events")).extracting(r -> r.reference() + " " + r.type())
                .containsExactlyInAnyOrder(wfpAsked + " INFORMATION_REQUESTED", wfpRejected + " LINES_REJECTED");
        assertThat(consigneeEvents("lrc-events")).extracting(r -> r.reference() + " " + r.type())
                .containsExactlyInAnyOrder(lrc + " RELEASED", lrc + " DECLARATION_OVERDUE");
        // every request was signed validly and within the window: none refused
        assertThat(receiver.all()).filteredOn(r -> !"verification".equals(r.type()))
                .allSatisfy(r -> assertThat(r.answered()).isEqualTo(204));

        assertThat(receiver.accepted("wfp-events")).filteredOn(r -> r.type().equals("INFORMATION_REQUESTED"))
                .singleElement().satisfies(r -> {
                    JsonNode body = r.body();
                    assertThat(body.get("id").asText()).isEqualTo(r.eventId());
                    assertThat(body.get("occurredAt").asText()).isNotBlank();
                    assertThat(body.at("/data/authority").asText()).isEqualTo("MOH_FDD");
                    assertThat(body.at("/data/question").asText()).isEqualTo("Send the certificate of analysis of line 1");
                    assertThat(body.at("/data/answerBy").asText()).isNotBlank();
                });
        assertThat(receiver.accepted("wfp-events")).filteredOn(r -> r.type().equals("LINES_REJECTED"))
                .singleElement().satisfies(r -> {
                    assertThat(r.body().at("/data/lines").toString()).isEqualTo("[\"2 Measles vaccine\"]");
                    assertThat(r.body().at("/data/reason").asText()).isEqualTo("Cold chain not documented");
                });
        // nothing of the Lao Red Cross's consignment reaches WFP, and the other way round
        assertThat(receiver.requests("wfp-events")).noneMatch(r -> r.body().toString().contains(lrc)
                || r.body().toString().contains("Family tents"));
        assertThat(receiver.requests("lrc-events")).noneMatch(r -> r.body().toString().contains(wfpAsked)
                || r.body().toString().contains(wfpRejected));

        // the outbox rows are delivered, one attempt each, each logged once as succeeded
        List<Row> rows = webhookRows();
        assertThat(rows).hasSize(4).allSatisfy(row -> {
            assertThat(row.sentAt()).isNotNull();
            assertThat(row.attempts()).isEqualTo(1);
        });
        assertThat(logged("WFP")).hasSize(2 + caseEventRows("WFP")).allSatisfy(l -> {
            assertThat(l.succeeded()).isTrue();
            assertThat(l.statusCode()).isEqualTo(204);
        });
        // a step done again (or by a second node) writes no second row
        notices.declarationOverdue(lrc, "retry-of-the-same-step-" + lrc);
        int written = webhookRows().size();
        notices.declarationOverdue(lrc, "retry-of-the-same-step-" + lrc);
        assertThat(webhookRows()).hasSize(written);
    }

    @Test
    void everyEntryOfTheTimelineOfItsOwnConsignmentsReachesTheOrganisationOnce() {
        register("WFP", "wfp", "wfp-timeline");
        register("LRC", "laoredcross", "lrc-timeline");
        ProcessInstance wfpCase = cases.submit(notification("WFP", false, TENTS));
        cases.endorse(wfpCase);
        ProcessInstance lrcCase = cases.submit(notification("LRC", false, TENTS));
        String reference = wfpCase.getBusinessKey();

        sender.sendDue();
        sender.sendDue();

        List<String> timeline = jdbc.sql("""
                select e.event_type from consignment_event e join consignment c on c.id = e.consignment_id
                where c.reference = ? order by e.id""").param(reference).query(String.class).list();
        assertThat(timeline).contains("NOTIFIED", "ENDORSEMENT_DECIDED");
        List<TestWebhookReceiver.Request> received = receiver.accepted("wfp-timeline").stream()
                .filter(r -> r.type().equals("CASE_EVENT")).toList();
        assertThat(received).extracting(r -> r.body().at("/data/event").asText())
                .as("each entry of the timeline, once, in order").containsExactlyElementsOf(timeline);
        assertThat(received).extracting(TestWebhookReceiver.Request::eventId).doesNotHaveDuplicates();
        assertThat(received).allSatisfy(r -> assertThat(r.reference()).isEqualTo(reference));
        assertThat(received).filteredOn(r -> r.body().at("/data/event").asText().equals("ENDORSEMENT_DECIDED"))
                .singleElement().satisfies(r -> assertThat(r.body().at("/data/actor").asText()).isEqualTo("molsw"));
        assertThat(receiver.accepted("lrc-timeline")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.reference()).isEqualTo(lrcCase.getBusinessKey()));
        // every request was signed validly and within the window
        assertThat(receiver.requests("wfp-timeline")).filteredOn(r -> !"verification".equals(r.type()))
                .allSatisfy(r -> assertThat(r.answered()).isEqualTo(204));
    }

    @Test
    void aReceiverThatIsDownDelaysTheEventsAndEachArrivesOnceWhenItIsBackAlsoAfterARestart() {
        // registered once the case waits, so only the events of this test reach it
        String reference = cases.submit(notification("WFP", false, TENTS)).getBusinessKey();
        register("WFP", "wfp", "wfp-outage");
        inOneStep(() -> {
            notices.informationRequested(reference, "MOH_FDD", "First question", Instant.parse("2030-01-10T10:00:00Z"));
            notices.informationRequested(reference, "MAF_DOA", "Second question", Instant.parse("2030-01-11T10:00:00Z"));
        });
        receiver.mode("wfp-outage", TestWebhookReceiver.Mode.DOWN);
        Instant start = clock.instant();

        assertThat(sender.sendDue()).isZero();
        assertThat(webhookRows()).hasSize(2).allSatisfy(row -> {
            assertThat(row.sentAt()).isNull();
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).isEqualTo("HTTP 503");
        });
        assertThat(logged("WFP")).hasSize(2).allSatisfy(l -> {
            assertThat(l.succeeded()).isFalse();
            assertThat(l.statusCode()).isEqualTo(503);
        });
        // not due again before the back-off
        sender.sendDue();
        assertThat(logged("WFP")).hasSize(2);
        assertThat(jdbc.sql("select min(due_at) from notification where channel = 'WEBHOOK' and sent_at is null")
                .query(OffsetDateTime.class).single().toInstant()).isAfterOrEqualTo(start.plus(notificationProperties.backOff(1)));

        at(Duration.ofSeconds(40));
        sender.sendDue();
        assertThat(webhookRows()).allSatisfy(row -> assertThat(row.attempts()).isEqualTo(2));
        assertThat(logged("WFP")).hasSize(4).noneMatch(Logged::succeeded);
        assertThat(webhooks.find("WFP").orElseThrow().consecutiveFailures()).isEqualTo(4);

        // the receiver is back, and the service restarted: a new sender finds what was pending
        receiver.mode("wfp-outage", TestWebhookReceiver.Mode.UP);
        WebhookSender restarted = new WebhookSender(outbox, store, client, webhooks, notices, notificationProperties,
                properties, clock, json, transactions, "restarted-node");
        at(Duration.ofSeconds(40).plus(notificationProperties.backOff(2)).plusSeconds(1));
        assertThat(restarted.sendDue()).isEqualTo(2);
        at(Duration.ofHours(3));
        sender.sendDue();
        restarted.sendDue();

        List<Row> rows = webhookRows();
        assertThat(receiver.accepted("wfp-outage")).extracting(TestWebhookReceiver.Request::eventId)
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> Long.toString(r.id())).toList());
        assertThat(receiver.accepted("wfp-outage")).extracting(r -> r.body().at("/data/question").asText())
                .containsExactlyInAnyOrder("First question", "Second question");
        // each attempt carried the same event id: a receiver recognises a retry of what it already has
        assertThat(receiver.requests("wfp-outage")).filteredOn(r -> r.eventId() != null && !r.eventId().startsWith("verification"))
                .hasSize(6);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.sentAt()).isNotNull();
            assertThat(row.attempts()).isEqualTo(3);
        });
        assertThat(webhooks.find("WFP").orElseThrow().consecutiveFailures()).isZero();

        // the delivery log, latest first, paged
        ResponseEntity<JsonNode> first = new ApiClient(http).get("wfp", "/api/organisation/webhook/deliveries?size=2");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("total").asLong()).isEqualTo(6);
        assertThat(first.getBody().get("deliveries")).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("succeeded").asBoolean()).isTrue();
            assertThat(d.get("statusCode").asInt()).isEqualTo(204);
            assertThat(d.get("eventType").asText()).isEqualTo("INFORMATION_REQUESTED");
            assertThat(d.get("reference").asText()).isEqualTo(reference);
            assertThat(d.has("durationMs")).isTrue();
        });
        JsonNode last = new ApiClient(http).get("wfp", "/api/organisation/webhook/deliveries?size=2&page=2").getBody();
        assertThat(last.get("deliveries")).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("succeeded").asBoolean()).isFalse();
            assertThat(d.get("statusCode").asInt()).isEqualTo(503);
        });
        assertThat(new ApiClient(http).get("laoredcross", "/api/organisation/webhook/deliveries").getBody()
                .get("total").asLong()).isZero();
    }

    @Test
    void aNodeThatStoppedWhileDeliveringLeavesItsRowsToTheNextOnceItsClaimLapses() {
        // registered once the case waits, so only the events of this test reach it
        String reference = cases.submit(notification("WFP", false, TENTS)).getBusinessKey();
        register("WFP", "wfp", "wfp-crash");
        inOneStep(() -> notices.declarationOverdue(reference, "crash"));
        Instant now = clock.instant();
        // a node claimed the row and stopped before it sent it
        assertThat(outbox.claimDue(Channel.WEBHOOK, "stopped-node", now, now.plus(notificationProperties.lockFor()), 10))
                .hasSize(1);
        assertThat(sender.sendDue()).isZero();
        assertThat(receiver.requests("wfp-crash")).filteredOn(r -> !"verification".equals(r.type())).isEmpty();

        at(notificationProperties.lockFor().plusSeconds(1));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(receiver.accepted("wfp-crash")).singleElement()
                .satisfies(r -> assertThat(r.type()).isEqualTo("DECLARATION_OVERDUE"));
    }

    @Test
    void repeatedFailuresDisableTheWebhookAndMailTheOrganisationAndEnablingDeliversWhatWaited() {
        // registered once the case waits, so only the events of this test reach it
        String reference = cases.submit(notification("WFP", false, TENTS)).getBusinessKey();
        register("WFP", "wfp", "wfp-disabled");
        int events = properties.disableAfter() + 2;
        inOneStep(() -> {
            for (int i = 0; i < events; i++) {
                notices.declarationOverdue(reference, "occurrence-" + i);
            }
        });
        receiver.mode("wfp-disabled", TestWebhookReceiver.Mode.DOWN);

        sender.sendDue();

        // disabled at the failure that reached the limit; the rows after it were not tried
        assertThat(logged("WFP")).hasSize(properties.disableAfter()).noneMatch(Logged::succeeded);
        Webhooks.Webhook disabled = webhooks.find("WFP").orElseThrow();
        assertThat(disabled.status()).isEqualTo(WebhookStatus.DISABLED);
        assertThat(disabled.disabledAt()).isNotNull();
        assertThat(webhookRows()).hasSize(events).allSatisfy(row -> assertThat(row.sentAt()).isNull());

        // the organisation's members hear of it by mail, once
        mailSender.sendDue();
        mailSender.sendDue();
        assertThat(mail.to("wfp@relief.test")).filteredOn(m -> m.subject().contains("webhook"))
                .singleElement().satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("Your webhook was disabled after " + properties.disableAfter()
                            + " failed deliveries");
                    assertThat(m.text()).contains("Dear Anna,", receiver.url("wfp-disabled"), "HTTP 503",
                            "/api/organisation/webhook/deliveries");
                });
        assertThat(mail.received()).filteredOn(m -> m.subject().contains("webhook"))
                .extracting(TestMailServer.Mail::to).containsOnly("wfp@relief.test");

        // while disabled, nothing is tried, even once the receiver is back and the back-off passed
        receiver.mode("wfp-disabled", TestWebhookReceiver.Mode.UP);
        at(Duration.ofHours(2));
        assertThat(sender.sendDue()).isZero();
        assertThat(logged("WFP")).hasSize(properties.disableAfter());

        ResponseEntity<JsonNode> enabled = new ApiClient(http).postTo("wfp", "/api/organisation/webhook/enable", null);
        assertThat(enabled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(enabled.getBody().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(enabled.getBody().get("consecutiveFailures").asInt()).isZero();

        assertThat(sender.sendDue()).isEqualTo(events);
        sender.sendDue();
        assertThat(receiver.accepted("wfp-disabled")).hasSize(events)
                .extracting(TestWebhookReceiver.Request::eventId).doesNotHaveDuplicates();
        assertThat(webhookRows()).allSatisfy(row -> assertThat(row.sentAt()).isNotNull());
    }

    private void register(String organisation, String user, String path) {
        Webhooks.Registered registered = webhooks.register(organisation, user, receiver.url(path));
        receiver.secret(path, registered.secret());
    }

    private void inOneStep(Runnable step) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> step.run());
    }

    /** The service's clock, {@code later} after the real time now. */
    private void at(Duration later) {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(later)));
    }

    /** The rows of the consignee's events (the timeline's entries have their own test). */
    private List<Row> webhookRows() {
        return jdbc.sql("""
                select id, recipient, event_type, reference, attempts, sent_at, last_error from notification
                where channel = 'WEBHOOK' and event_type <> 'CASE_EVENT' and id > ? order by id""")
                .param(before).query(Row.class).list();
    }

    private int caseEventRows(String organisation) {
        return jdbc.sql("""
                select count(*) from notification
                where channel = 'WEBHOOK' and event_type = 'CASE_EVENT' and recipient = ? and id > ?""")
                .params(organisation, before).query(Integer.class).single();
    }

    private List<TestWebhookReceiver.Request> consigneeEvents(String path) {
        return receiver.accepted(path).stream().filter(r -> !r.type().equals("CASE_EVENT")).toList();
    }

    private List<Logged> logged(String organisation) {
        return jdbc.sql("""
                select notification_id, status_code, error, succeeded, duration_ms from webhook_delivery
                where organisation_code = ? order by id""").param(organisation).query(Logged.class).list();
    }
}
