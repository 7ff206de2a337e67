package org.reliefclearance.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.clearance.ClearanceCases.TENTS;
import static org.reliefclearance.clearance.ClearanceCases.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.identity.NotificationMode;
import org.reliefclearance.identity.UserProfile;
import org.reliefclearance.identity.UserProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing lost, nothing doubled: a mail server that is down delays the mails (rows kept, tried again
 * later with a growing back-off) and each is sent once when it is back; a step done again or rolled
 * back writes no second row and no stray one; two nodes sending at once send each row once; a user who
 * chose a digest gets one mail listing the new tasks after the interval.
 */
@ServiceTest
class NotificationOutboxTest {

    @Autowired
    ClearanceCases cases;
    @Autowired
    ProcessEngine engine;
    @Autowired
    NotificationSender sender;
    @Autowired
    Notices notices;
    @Autowired
    Outbox outbox;
    @Autowired
    MailComposer composer;
    @Autowired
    UserProfiles profiles;
    @Autowired
    JavaMailSender javaMail;
    @Autowired
    NotificationProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MeterRegistry metrics;

    final TestMailServer mail = TestMailServer.shared();

    record Stored(String recipient, String eventType, int attempts, OffsetDateTime sentAt, String lastError,
                  OffsetDateTime dueAt, String subject) {
    }

    /**
     * Every test class shares one engine, and notifications are off in tests: the mails other tests
     * queued would fill the sender's rounds before this test's own, and the emergencies they
     * declared and removed free their codes for reuse, whose notifications would then count as
     * already written. Each test starts from an empty outbox.
     */
    @BeforeEach
    void emptyTheOutbox() {
        jdbc.sql("delete from notification").update();
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void aMailServerThatIsDownDelaysTheMailsAndEachIsSentOnceWhenItIsBack() {
        mail.goDown();
        try {
            ProcessInstance instance = cases.submit(notification("WFP", false, TENTS));
            String reference = instance.getBusinessKey();
            Instant start = clock.instant();
            sender.sendDue();

            assertThat(stored(reference)).singleElement().satisfies(row -> {
                assertThat(row.recipient()).isEqualTo("molsw");
                assertThat(row.sentAt()).isNull();
                assertThat(row.attempts()).isEqualTo(1);
                assertThat(row.lastError()).isNotBlank();
                assertThat(row.dueAt().toInstant()).isAfterOrEqualTo(start.plus(properties.backOff(1)));
            });
            // what an operator sees on /actuator/prometheus
            assertThat(metrics.get(NotificationMetrics.FAILING).gauge().value()).isGreaterThanOrEqualTo(1);

            // tried again after the back-off: still down, the row stays, the next wait is longer
            at(Duration.ofSeconds(40));
            sender.sendDue();
            assertThat(stored(reference)).singleElement().satisfies(row -> {
                assertThat(row.sentAt()).isNull();
                assertThat(row.attempts()).isEqualTo(2);
                assertThat(Duration.between(clock.instant(), row.dueAt().toInstant())).isEqualTo(properties.backOff(2));
            });
            assertThat(properties.backOff(2)).isGreaterThan(properties.backOff(1));

            mail.comeBack();
            at(Duration.ofSeconds(40).plus(properties.backOff(2)).plusSeconds(1));
            sender.sendDue();
            at(Duration.ofHours(3));
            sender.sendDue();

            assertThat(stored(reference)).singleElement().satisfies(row -> {
                assertThat(row.sentAt()).isNotNull();
                assertThat(row.attempts()).isEqualTo(3);
                assertThat(row.lastError()).isNull();
                assertThat(row.subject()).isEqualTo(reference + ": new task, Endorse request");
            });
            assertThat(mail.about(reference)).singleElement()
                    .satisfies(m -> assertThat(m.to()).isEqualTo("molsw@relief.test"));
            assertThat(metrics.get(NotificationMetrics.FAILING).gauge().value()).isZero();
        } finally {
            if (!mailUp()) {
                mail.comeBack();
            }
        }
    }

    @Test
    void aStepDoneAgainWritesNoSecondNotificationAndARolledBackStepNone() {
        ProcessInstance instance = cases.releasedWithoutPermits(false);
        String reference = instance.getBusinessKey();
        String releaseNumber = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(ClearanceProcess.Vars.RELEASE_NUMBER.name())
                .singleResult().getValue();
        assertThat(stored(reference, "RELEASED")).extracting(Stored::recipient).containsExactly("laoredcross");

        // the release step once more (a retry after it committed, or a second node): nothing new
        notices.released(reference, releaseNumber, List.of(1));
        assertThat(stored(reference, "RELEASED")).hasSize(1);

        // a step whose transaction rolls back leaves no notification behind
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            notices.released(reference, "RN-ROLLED-BACK", List.of(1));
            tx.setRollbackOnly();
        });
        assertThat(stored(reference, "RELEASED")).hasSize(1);

        sender.sendDue();
        sender.sendDue();
        assertThat(mail.about(reference)).filteredOn(m -> m.subject().contains(releaseNumber)).hasSize(1);
    }

    @Test
    void twoNodesSendingAtOnceSendEachNotificationOnce() throws Exception {
        NotificationSender secondNode = new NotificationSender(outbox, composer, profiles, javaMail, properties, clock,
                "second-node");
        String run = "NODES-" + System.nanoTime();
        Instant now = clock.instant();
        int count = 45;
        for (int i = 0; i < count; i++) {
            String reference = run + "-" + i;
            outbox.add(Channel.EMAIL, "coordinator", NotificationEvent.TASK_CREATED, reference, "en", false,
                    "{\"taskId\":\"task-" + i + "\",\"taskKey\":\"Task_HandleOverdueReview\",\"taskName\":\"Handle overdue review\","
                            + "\"reference\":\"" + reference + "\"}",
                    Outbox.dedupKey(NotificationEvent.TASK_CREATED, "task-" + i + "-" + run, "coordinator"), now, now);
        }

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (NotificationSender node : List.of(sender, secondNode)) {
                Callable<Integer> work = () -> {
                    go.await();
                    return node.sendDue();
                };
                sent.add(nodes.submit(work));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> f : sent) {
                total += f.get();
            }
            assertThat(total).isGreaterThanOrEqualTo(count);
        } finally {
            nodes.shutdownNow();
        }

        for (int i = 0; i < count; i++) {
            String reference = run + "-" + i;
            assertThat(mail.received()).as(reference).filteredOn(m -> m.subject().startsWith(reference + ":")).hasSize(1);
            assertThat(stored(reference)).singleElement().satisfies(row -> {
                assertThat(row.sentAt()).isNotNull();
                assertThat(row.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    void aDigestUserGetsOneMailListingItsNewTasksAfterTheInterval() {
        UserProfile before = profiles.find("customs").orElseThrow();
        profiles.update("customs", before.email(), Locale.ENGLISH, NotificationMode.DIGEST);
        try {
            ProcessInstance first = cases.submit(notification("WFP", false, TENTS));
            cases.endorse(first);
            ProcessInstance second = cases.submit(notification("WFP", false, TENTS));
            cases.endorse(second);
            sender.sendDue();

            assertThat(digestMails(first, second)).isEmpty();
            // the immediate users hear at once
            assertThat(mail.about(first.getBusinessKey())).extracting(TestMailServer.Mail::to).contains("molsw@relief.test");

            at(properties.digestInterval().plusSeconds(1));
            sender.sendDue();

            assertThat(digestMails(first, second)).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("2 new tasks");
                assertThat(m.text()).contains("New tasks for you or your group since the last mail:",
                        first.getBusinessKey() + ": new task, Decide exemption",
                        second.getBusinessKey() + ": new task, Decide exemption",
                        EmailNotificationsTest.TASKLIST + exemptionTask(first),
                        EmailNotificationsTest.TASKLIST + exemptionTask(second));
            });
        } finally {
            profiles.update("customs", before.email(), before.language(), before.mode());
        }
    }

    private List<TestMailServer.Mail> digestMails(ProcessInstance first, ProcessInstance second) {
        return mail.to("customs@relief.test").stream()
                .filter(m -> m.text().contains(first.getBusinessKey()) || m.text().contains(second.getBusinessKey()))
                .toList();
    }

    private String exemptionTask(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ClearanceProcess.Elements.DECIDE_EXEMPTION).singleResult().getId();
    }

    private boolean mailUp() {
        try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", mail.port())) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The service's clock, {@code later} after the real time now. */
    private void at(Duration later) {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(later)));
    }

    private List<Stored> stored(String reference) {
        return jdbc.sql("""
                select recipient, event_type, attempts, sent_at, last_error, due_at, subject
                from notification where reference = ? order by id""").param(reference).query(Stored.class).list();
    }

    private List<Stored> stored(String reference, String eventType) {
        return stored(reference).stream().filter(s -> s.eventType().equals(eventType)).toList();
    }
}
