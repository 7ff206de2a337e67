package org.reliefclearance.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reliefclearance.ReliefClearanceApplication;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.clearance.ClearanceProcess.Elements;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.customs.FakeCustomsSystem;
import org.reliefclearance.notifications.TestMailServer;
import org.reliefclearance.notifications.TestWebhookReceiver;
import org.reliefclearance.notifications.Webhooks;
import org.reliefclearance.review.LineMinistryReview;
import org.reliefclearance.review.ReviewDecision;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Two nodes of the service, each with its job executor, on one PostgreSQL schema: over a
 * hundred consignments go through the whole SOP, every step alternating between the nodes
 * (the API for the consignee and the port, TaskService for the officials), and each case
 * must end exactly once, with one release number, one hand-off to the customs system,
 * no step recorded twice, and each notification mailed once although both nodes send the outbox.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeClusterTest {

    /** Twelve drivers at once keep both nodes contending; 120 cases keep CI within its time. */
    static final int CASES = 120;
    static final int DRIVERS = 12;
    /** Every tenth case's review reminders fall due during the run, for both nodes' job executors to race for. */
    static final int REMINDED_EVERY = 10;
    static final int REMINDERS = 2 * (CASES / REMINDED_EVERY);

    final PostgresSchema schema = new PostgresSchema("cluster_sop");
    final FakeCustomsSystem customsSystem = FakeCustomsSystem.start();
    final TestMailServer mailServer = TestMailServer.start();
    /** WFP's system: every event of its consignments must reach it once, whichever node sends it. */
    final TestWebhookReceiver wfpSystem = TestWebhookReceiver.start(Instant::now);
    final List<Node> nodes = new ArrayList<>();
    final Map<Integer, Integer> answers = new ConcurrentHashMap<>();
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    /** Task completions the engine refused because another step moved the same case at that instant. */
    final AtomicInteger resubmitted = new AtomicInteger();

    record Node(String name, ConfigurableApplicationContext context, ProcessEngine engine, ApiCalls api) {
    }

    @BeforeAll
    void startTwoNodes() throws SQLException {
        schema.recreate();
        nodes.add(start("nodeA"));
        nodes.add(start("nodeB"));
        Webhooks.Registered registered = nodes.get(0).context().getBean(Webhooks.class)
                .register("WFP", "wfp", wfpSystem.url("wfp"));
        wfpSystem.secret("wfp", registered.secret());
    }

    @AfterAll
    void stopNodes() {
        nodes.forEach(n -> n.context().close());
        mailServer.stop();
        wfpSystem.stop();
    }

    Node start(String name) {
        List<String> args = new ArrayList<>(schema.nodeArguments(0, name));
        args.add("--relief.customs-system.url=" + customsSystem.url());
        // both nodes send the outbox, often, to one mail server
        args.add("--spring.mail.host=127.0.0.1");
        args.add("--spring.mail.port=" + mailServer.port());
        args.add("--relief.notifications.poll-interval=PT0.3S");
        // and WFP's webhook, on this machine over plain HTTP
        args.add("--relief.webhooks.allow-http=true");
        args.add("--relief.webhooks.allow-private-addresses=true");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReliefClearanceApplication.class)
                .run(args.toArray(String[]::new));
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        return new Node(name, context, context.getBean(ProcessEngine.class), new ApiCalls(port));
    }

    @Test
    void everyConsignmentReachesItsEndExactlyOnce() throws Exception {
        Instant start = Instant.now();
        ExecutorService drivers = Executors.newFixedThreadPool(DRIVERS);
        List<String> references;
        try {
            List<CompletableFuture<String>> cases = IntStream.range(0, CASES)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> drive(i), drivers)).toList();
            references = cases.stream().map(CompletableFuture::join).toList();
        } finally {
            drivers.shutdownNow();
        }
        awaitAllClosed();
        System.out.printf("%d cases through the SOP on two nodes in %d s; API answers %s; %d task completions"
                        + " submitted again after a concurrent step%n", CASES,
                Duration.between(start, Instant.now()).toSeconds(), answers, resubmitted.get());

        assertThat(unexpected).isEmpty();
        assertThat(answers.keySet()).allMatch(status -> status < 500);
        assertThat(references).doesNotHaveDuplicates().hasSize(CASES);
        try (Connection db = schema.connect()) {
            assertThat(rows(db, "select status, count(*) from consignment group by status"))
                    .containsExactly(List.of("CLOSED", String.valueOf(CASES)));
            // ended exactly once, at the expected end
            assertThat(single(db, "select count(*) from act_hi_procinst where proc_def_key_ = '" + ClearanceProcess.KEY
                    + "' and end_time_ is not null and end_act_id_ = '" + Elements.CASE_CLOSED + "'")).isEqualTo(CASES);
            assertThat(rows(db, "select proc_inst_id_ from act_hi_actinst where act_id_ = '" + Elements.CASE_CLOSED
                    + "' group by proc_inst_id_ having count(*) > 1")).isEmpty();
            assertThat(single(db, "select count(*) from act_ru_execution")).isZero();
            // one release number per case, never twice
            assertThat(single(db, "select count(distinct release_number) from consignment")).isEqualTo(CASES);
            // one hand-off per release (one release per case here: every line ready at once), sent once,
            // under the key reference/release number
            assertThat(rows(db, "select status, count(*) from customs_hand_off group by status"))
                    .containsExactly(List.of("SENT", String.valueOf(CASES)));
            assertThat(customsSystem.accepted()).hasSize(CASES);
            assertThat(customsSystem.accepted().stream().map(FakeCustomsSystem.Received::idempotencyKey)
                    .collect(Collectors.toSet())).hasSize(CASES);
            assertThat(customsSystem.accepted().stream().map(r -> r.idempotencyKey().split("/")[0])
                    .collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(references);
            // no step of the timeline recorded twice (the consignee's and the system's report are two entries)
            // (a consignee lodges several documents: each once)
            assertThat(rows(db, """
                    select c.reference, e.event_type, e.actor, coalesce(e.authority_code, '-'),
                           case when e.event_type = 'DOCUMENT_LODGED' then e.detail else '-' end
                    from consignment_event e join consignment c on c.id = e.consignment_id
                    group by c.reference, e.event_type, e.actor, coalesce(e.authority_code, '-'),
                             case when e.event_type = 'DOCUMENT_LODGED' then e.detail else '-' end
                    having count(*) > 1""")).isEmpty();
            assertThat(single(db, "select count(*) from consignment_event where event_type = 'ARRIVAL_REPORTED'"))
                    .isEqualTo(CASES);
            assertThat(single(db, "select count(*) from consignment_event where event_type = 'REVIEW_DECIDED'"))
                    .isEqualTo(2 * CASES);
            // each due reminder timer fired once, on one node, and reminded once
            assertThat(single(db, "select count(*) from act_hi_job_log where job_state_ = 2"
                    + " and job_def_type_ = 'timer-transition'")).isEqualTo(REMINDERS);
            assertThat(single(db, "select count(*) from consignment_event where event_type = '"
                    + TimelineEvent.REVIEW_REMINDER.name() + "'")).isEqualTo(REMINDERS);
            assertThat(single(db, "select sum(reminders) from authority_review")).isEqualTo(REMINDERS);
            // no job (continuation or timer) completed twice, nothing left over, no incident
            // (history cleanup is one job that runs again and again inside its nightly window)
            assertThat(rows(db, "select job_id_ from act_hi_job_log where job_state_ = 2"
                    + " and job_def_type_ <> 'history-cleanup' group by job_id_ having count(*) > 1")).isEmpty();
            assertThat(single(db, "select count(*) from act_ru_job where handler_type_ <> 'history-cleanup'")).isZero();
            assertThat(single(db, "select count(*) from act_ru_incident")).isZero();
            assertThat(single(db, "select count(*) from act_hi_incident")).isZero();
            System.out.println("jobs executed per node: " + rows(db,
                    "select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_"));

            // every notification mailed, each once, by one of the two nodes
            waiting("every notification sent").until(() ->
                    single(db, "select count(*) from notification where sent_at is null") == 0);
            long notifications = single(db, "select count(*) from notification where channel = 'EMAIL'");
            assertThat(notifications).isGreaterThan(CASES * 5L);
            assertThat(single(db, "select count(*) from notification where attempts <> 1")).isZero();
            List<TestMailServer.Mail> mails = mailServer.received();
            assertThat(mails).hasSize((int) notifications);
            assertThat(mails.stream().map(m -> m.to() + "\n" + m.subject() + "\n" + m.text()).distinct().count())
                    .isEqualTo(notifications);
            System.out.println(notifications + " notifications mailed once each; sent per node: " + rows(db,
                    "select locked_by, count(*) from notification group by locked_by"));

            // every event of WFP's consignments posted to its system once, signed, by one of the nodes
            long events = single(db, "select count(*) from notification where channel = 'WEBHOOK'");
            assertThat(single(db, "select count(*) from notification where event_type = 'CASE_EVENT'"))
                    .as("one event per timeline entry").isEqualTo(single(db, "select count(*) from consignment_event"));
            List<TestWebhookReceiver.Request> received = wfpSystem.accepted("wfp");
            assertThat(received).hasSize((int) events)
                    .extracting(TestWebhookReceiver.Request::eventId).doesNotHaveDuplicates();
            System.out.println(events + " webhook events posted once each; sent per node: " + rows(db,
                    "select locked_by, count(*) from notification where channel = 'WEBHOOK' group by locked_by"));
        }
    }

    /** One case from notification to distribution report, each step on the other node than the one before. */
    String drive(int i) {
        Node a = nodes.get(i % 2);
        Node b = nodes.get((i + 1) % 2);
        try {
            ApiCalls.Answer created = a.api().post("wfp", "/api/consignments",
                    ApiCalls.notification("157-" + (10_000_000 + i)), "cluster-" + i);
            count(created);
            if (created.status() != 201) {
                throw new IllegalStateException("notification " + i + ": " + created);
            }
            String reference = created.body().get("reference").asText();

            complete(b, reference, Elements.ENDORSE_REQUEST, "molsw", "molsw-officers",
                    Map.of(Vars.ENDORSEMENT_DECISION.name(), "ENDORSED"));
            // once the lines are classified, the consignee lodges what they need, on the other node
            for (JsonNode type : a.api().get("wfp", "/api/consignments/" + reference).body()
                    .path("documents").path("missing")) {
                ApiCalls.Answer lodged = a.api().lodge("wfp", reference, type.asText());
                if (lodged.status() != 201) {
                    unexpected.add(reference + " lodging " + type.asText() + " answered " + lodged);
                }
            }
            if (i % REMINDED_EVERY == 0) {
                remindersFallDueNow(reference);
            }
            reviewOnBothNodesAtOnce(reference);
            complete(a, reference, Elements.DECIDE_EXEMPTION, "customs", "customs-hq",
                    Map.of(Vars.EXEMPTION_DECISION.name(), "FULL",
                            Vars.EXEMPTION_LEGAL_BASIS.name(), "ORGANISATION_AGREEMENT"));

            // the port and the consignee report the arrival at the same moment, on different nodes
            awaitStatus(reference, "AWAITING_ARRIVAL");
            String arrival = "/api/consignments/" + reference + "/arrival";
            CompletableFuture<ApiCalls.Answer> byPort = CompletableFuture.supplyAsync(() -> post(a, "port-wattay", arrival, null));
            CompletableFuture<ApiCalls.Answer> byConsignee = CompletableFuture.supplyAsync(() -> post(b, "wfp", arrival, null));
            List<Integer> arrivalAnswers = List.of(byPort.join().status(), byConsignee.join().status());
            count(byPort.join());
            count(byConsignee.join());
            if (!arrivalAnswers.containsAll(List.of(200, 409))) {
                unexpected.add(reference + " arrival answered " + arrivalAnswers);
            }

            Task clearAtPort = awaitTasks(reference, Elements.CLEAR_AT_PORT, 1).get(0);
            Map<String, Object> release = new HashMap<>(Map.of(Vars.CLEARANCE_DECISION.name(), "RELEASE"));
            if (Boolean.TRUE.equals(b.engine().getTaskService().getVariable(clearAtPort.getId(),
                    Vars.EXAMINATION_RECOMMENDED.name()))) {
                release.put(Vars.RELEASE_REASON.name(), "Relief as notified, seals intact");
            }
            completeAs(b, clearAtPort, "port-wattay", "customs-port-wattay", release);
            awaitStatus(reference, "AWAITING_DISTRIBUTION_REPORT");
            ObjectNode report = ApiCalls.JSON.createObjectNode().put("report", "Distributed in Attapeu");
            report.putArray("distributedQuantities").addObject().put("lineNo", 3).put("quantity", 150)
                    .put("province", "LA-AT");
            ApiCalls.Answer reported = post(a, "wfp", "/api/consignments/" + reference + "/distribution-report", report);
            count(reported);
            if (reported.status() != 200) {
                unexpected.add(reference + " distribution report answered " + reported);
            }
            return reference;
        } catch (Exception e) {
            throw new IllegalStateException("case " + i + " failed; unexpected so far: " + unexpected, e);
        }
    }

    /** Makes the half-time reminders of the case's two reviews due now and waits until both were sent. */
    void remindersFallDueNow(String reference) throws SQLException {
        ManagementService management = nodes.get(0).engine().getManagementService();
        for (Task review : awaitTasks(reference, LineMinistryReview.Elements.REVIEW_PERMIT, 2)) {
            Job reminder = management.createJobQuery().processInstanceId(review.getProcessInstanceId())
                    .activityId(LineMinistryReview.Elements.REMINDER_DUE).timers().singleResult();
            management.setJobDuedate(reminder.getId(), new Date());
        }
        try (Connection db = schema.connect()) {
            waiting(reference + " sending both reminders").until(() -> single(db, "select count(*) from consignment_event e"
                    + " join consignment c on c.id = e.consignment_id where c.reference = '" + reference
                    + "' and e.event_type = '" + TimelineEvent.REVIEW_REMINDER.name() + "'") >= 2);
        }
    }

    /** The two ministries decide in the same moment, one on each node. */
    void reviewOnBothNodesAtOnce(String reference) {
        List<Task> reviews = awaitTasks(reference, LineMinistryReview.Elements.REVIEW_PERMIT, 2);
        List<CompletableFuture<Void>> decisions = new ArrayList<>();
        for (int k = 0; k < reviews.size(); k++) {
            Task review = reviews.get(k);
            Node node = nodes.get(k % 2);
            String group = (String) node.engine().getTaskService().getVariable(review.getId(),
                    LineMinistryReview.Vars.REVIEW_GROUP.name());
            String user = group.equals("moh-fdd") ? "moh" : "maf";
            decisions.add(CompletableFuture.runAsync(() -> completeAs(node, review, user, group,
                    Map.of(LineMinistryReview.Vars.REVIEW_DECISION.name(), ReviewDecision.APPROVE.name(),
                            LineMinistryReview.Vars.PERMIT_NUMBER.name(), "PERMIT-" + review.getId()))));
        }
        decisions.forEach(CompletableFuture::join);
    }

    void complete(Node node, String reference, String taskKey, String user, String group, Map<String, Object> variables) {
        completeAs(node, awaitTasks(reference, taskKey, 1).get(0), user, group, variables);
    }

    /** As an official in Tasklist: a conflict with a concurrent change would reach the user as an error. */
    void completeAs(Node node, Task task, String user, String group, Map<String, Object> variables) {
        node.engine().getIdentityService().setAuthentication(user, List.of(group));
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    node.engine().getTaskService().complete(task.getId(), variables);
                    break;
                } catch (ProcessEngineException concurrent) {
                    // the ministries' reviews and the exemption run side by side: a step that moved the
                    // same case at that instant wins, and the official submits again (nothing was saved).
                    // The engine says so as an optimistic-locking failure, as a parent execution the other
                    // step had just replaced (ENGINE-03077), or PostgreSQL as a deadlock it broke.
                    boolean refusedForConcurrency = concurrent instanceof OptimisticLockingException
                            || causedBy(concurrent, "ENGINE-03077") || causedBy(concurrent, "deadlock detected");
                    if (!refusedForConcurrency || attempt == 3) {
                        throw concurrent;
                    }
                    resubmitted.incrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            unexpected.add(task.getTaskDefinitionKey() + " of " + task.getProcessInstanceId() + " on " + node.name()
                    + ": " + e);
            // the whole trace in the test report: a refusal on one node only is a cluster bug to find
            e.printStackTrace(System.out);
        } finally {
            node.engine().getIdentityService().clearAuthentication();
        }
    }

    private static boolean causedBy(Throwable failure, String text) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    List<Task> awaitTasks(String reference, String taskKey, int expected) {
        ProcessEngine engine = nodes.get(0).engine();
        return waiting(reference + " reaching " + expected + " x " + taskKey)
                .until(() -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                        .taskDefinitionKey(taskKey).list(), tasks -> tasks.size() == expected);
    }

    void awaitStatus(String reference, String status) throws SQLException {
        try (Connection db = schema.connect()) {
            waiting(reference + " reaching status " + status).until(() -> rows(db, "select 1 from consignment"
                    + " where reference = '" + reference + "' and status = '" + status + "'").size() == 1);
        }
    }

    void awaitAllClosed() throws SQLException {
        try (Connection db = schema.connect()) {
            waiting("every case closed")
                    .until(() -> single(db, "select count(*) from consignment where status <> 'CLOSED'") == 0);
        }
    }

    /** The job executors of both nodes work in the background: a minute is ample for any step. */
    private static ConditionFactory waiting(String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }

    ApiCalls.Answer post(Node node, String user, String path, Object body) {
        try {
            return node.api().post(user, path, body, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void count(ApiCalls.Answer answer) {
        answers.merge(answer.status(), 1, Integer::sum);
    }

    static long single(Connection db, String sql) throws SQLException {
        return Long.parseLong(rows(db, sql).get(0).get(0));
    }

    static List<List<String>> rows(Connection db, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(r.getString(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
