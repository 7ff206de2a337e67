package org.reliefclearance.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.customs.CustomsHandOffOutbox;
import org.reliefclearance.customs.CustomsSystemProperties;
import org.reliefclearance.customs.CustomsSystems;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.DocumentsOnForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hand-off worker against the customs-system simulator, over HTTP, as the demo runs them: a case's
 * release is declared in ASYCUDA's numbering; a refusal the simulator was told to give reaches the port.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class CustomsWorkerSimulatorTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ConsignmentRegistration registration;
    @Autowired
    ConsignmentRepository consignments;
    @Autowired
    DocumentStore documentStore;
    @Autowired
    DocumentsOnForms documentsOnForms;
    @Autowired
    CustomsHandOffOutbox outbox;
    @Autowired
    ClearanceDecisions decisions;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.scheduling.TaskScheduler scheduler;
    @Autowired
    ConcurrentChangeRetry retry;

    private ClearanceCases cases;
    private CustomsDeclarationWorker worker;
    private CustomsSystemProperties properties;

    @BeforeEach
    void workerOfTheSimulator() {
        String simulator = "http://localhost:" + port + "/simulator/asycuda";
        properties = new CustomsSystemProperties(simulator, Duration.ofSeconds(5), "PT1S", false);
        cases = casesHandedOffThrough(engine.getExternalTaskService());
        behave(Map.of("mode", "ACCEPT"));
    }

    @AfterEach
    void accepting() {
        behave(Map.of("mode", "ACCEPT"));
    }

    @Test
    void aReleaseIsDeclaredByTheSimulatorInAsycudaNumbering() {
        ProcessInstance instance = released();

        assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId()))
                .contains(ClearanceProcess.Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(jdbc.sql("""
                select r.declaration_number || ' ' || r.procedure_code || ' ' || r.release_order
                from consignment_release r join consignment c on c.id = r.consignment_id where c.reference = ?""")
                .param(instance.getBusinessKey()).query(String.class).single())
                .matches("LAWATTAY \\d{4} C \\d{6} IM4 RO-LAWATTAY-\\d{6}");
    }

    @Test
    void aRefusalTheSimulatorGivesReachesThePort() {
        behave(Map.of("mode", "REFUSE", "reason", "Proforma invoice does not match the lines"));

        ProcessInstance instance = released();

        assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId()))
                .contains(ClearanceProcess.Elements.RESOLVE_CUSTOMS_REFUSAL);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), ClearanceProcess.Vars.CUSTOMS_REFUSAL.name()))
                .isEqualTo("Proforma invoice does not match the lines");
    }

    /**
     * Completing the hand-off collides with another change to the case at the same moment (optimistic
     * locking): the customs system's answer is handed in again, the case goes on to the distribution
     * report, and no incident waits for an operator.
     */
    @Test
    void aHandOffThatCollidesWithAChangeToItsCaseIsCompletedAgain() {
        AtomicInteger completions = new AtomicInteger();
        cases = casesHandedOffThrough(collidingAtFirstCompletion(engine.getExternalTaskService(), completions));

        ProcessInstance instance = released();

        assertThat(completions).hasValue(2);
        assertThat(wentOnWithItsDeclaration(instance)).startsWith("LAWATTAY");
    }

    /**
     * The case keeps changing at every attempt to hand the answer in: the task waits out the back-off,
     * not an operator, and the next fetch asks the customs system again under the same key and hands
     * the same declaration in.
     */
    @Test
    void aHandOffThatCollidesAtEveryAttemptIsFetchedAgainAfterTheBackOff() {
        AtomicInteger completions = new AtomicInteger();
        cases = casesHandedOffThrough(collidingAtFirstCompletions(engine.getExternalTaskService(), completions,
                ConcurrentChangeRetry.ATTEMPTS));

        ProcessInstance instance = released();

        assertThat(completions).hasValue(ConcurrentChangeRetry.ATTEMPTS);
        assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId()))
                .contains(ClearanceProcess.Elements.HAND_OVER_TO_CUSTOMS_SYSTEM);
        ExternalTask waiting = engine.getExternalTaskService().createExternalTaskQuery()
                .processInstanceId(instance.getId()).singleResult();
        assertThat(waiting.getErrorMessage()).contains("handed in again");
        assertThat(waiting.getRetries()).isPositive();
        String declared = jdbc.sql("select declaration_number from customs_hand_off where reference = ?")
                .param(instance.getBusinessKey()).query(String.class).single();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> worker.workOnce() == 1);

        assertThat(completions).hasValue(ConcurrentChangeRetry.ATTEMPTS + 1);
        assertThat(wentOnWithItsDeclaration(instance))
                .as("the declaration the customs system gave at first, asked again").isEqualTo(declared)
                .startsWith("LAWATTAY");
    }

    /**
     * Two hand-offs are fetched together and the case of the first one handed in is withdrawn in the
     * meantime: nothing waits for that answer any more, no failure is reported for it, and the other
     * hand-off of the batch is still declared and its case goes on.
     */
    @Test
    void aHandOffWhoseCaseWasWithdrawnDoesNotHoldUpTheRestOfItsBatch() {
        RuntimeService runtime = engine.getRuntimeService();
        Batch batch = fetchedTogetherAndAsTheFirstIsHandedIn(
                (first, other) -> runtime.deleteProcessInstance(first, "withdrawn by the consignee"));

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(batch.first().getId()).count()).isZero();
        assertThat(wentOnWithItsDeclaration(batch.other())).startsWith("LAWATTAY");
        assertThat(batch.failuresReported()).hasValue(0);
    }

    /**
     * As above, but the first hand-off's lock expired and another node fetched it meanwhile: this
     * worker neither completes it nor reports a failure; the other node's lock stands, no incident
     * is raised, and the rest of the batch is worked.
     */
    @Test
    void aHandOffAnotherNodeTookOverDoesNotHoldUpTheRestOfItsBatch() {
        Batch batch = fetchedTogetherAndAsTheFirstIsHandedIn((first, other) -> takenOverByAnotherNode(first));

        assertTakenOver(batch.first().getId());
        assertThat(wentOnWithItsDeclaration(batch.other())).startsWith("LAWATTAY");
        assertThat(batch.failuresReported()).hasValue(0);
    }

    /**
     * The second hand-off of a batch is taken over by another node (its lock expired) while the first
     * is worked: when its turn comes this worker finds it no longer its own and leaves it, without
     * asking the customs system a second time.
     */
    @Test
    void aHandOffTakenOverBeforeItsTurnIsLeftToTheNodeThatHasIt() {
        Batch batch = fetchedTogetherAndAsTheFirstIsHandedIn((first, other) -> takenOverByAnotherNode(other));

        assertThat(wentOnWithItsDeclaration(batch.first())).startsWith("LAWATTAY");
        assertTakenOver(batch.other().getId());
        assertThat(jdbc.sql("select count(*) from customs_hand_off where reference = ?").param(batch.other().getBusinessKey())
                .query(Long.class).single()).as("the customs system not asked by this worker").isZero();
    }

    /**
     * The later hand-off's lock expires while the first is worked (as in an exercise, whose clock runs
     * ahead), and nobody else takes it: it cannot be renewed, and is worked as fetched.
     */
    @Test
    void aHandOffWhoseLockExpiredUntakenIsStillWorked() {
        try {
            Batch batch = fetchedTogetherAndAsTheFirstIsHandedIn((first, other) ->
                    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(1)))));

            assertThat(wentOnWithItsDeclaration(batch.first())).startsWith("LAWATTAY");
            assertThat(wentOnWithItsDeclaration(batch.other())).startsWith("LAWATTAY");
        } finally {
            ClockUtil.reset();
        }
    }

    /**
     * The engine refuses the answer for a reason other than the hand-off having gone elsewhere: that is
     * a failure for the process owner to see, not a hand-off to forget.
     */
    @Test
    void anAnswerTheEngineRefusesForAHandOffStillItsOwnIsReportedAsAFailure() {
        assertReportedAsFailureWhenTheEngineRefusesOnce("complete", "a listener refused the answer");
    }

    /**
     * The customs system is unavailable, and while it is asked the hand-off's lock expires and another
     * node takes it: the failure is not this worker's to report. It is left to the node that has it,
     * with a line in the log, not a warning and a stack trace as though something had gone wrong.
     */
    @Test
    void aFailureOfAHandOffTakenOverMeanwhileIsLeftToTheNodeThatHasIt(CapturedOutput output) {
        AtomicBoolean holding = new AtomicBoolean(true);
        AtomicInteger failuresReported = new AtomicInteger();
        cases = casesHandedOffThrough(proxied(engine.getExternalTaskService(), (engineTasks, method, args) -> {
            if (method.getName().equals("fetchAndLock") && holding.get()) {
                return engineTasks.fetchAndLock(0, (String) args[1]);
            }
            if (method.getName().equals("handleFailure") && failuresReported.incrementAndGet() == 1) {
                String processInstance = engineTasks.createExternalTaskQuery().externalTaskId((String) args[0])
                        .singleResult().getProcessInstanceId();
                CompletableFuture.runAsync(() -> takenOverByAnotherNode(processInstance)).join();
            }
            return null;
        }));
        ProcessInstance instance = released();
        holding.set(false);
        behave(Map.of("mode", "FAIL"));

        assertThat(worker.workOnce()).isOne();

        assertThat(failuresReported).hasValue(1);
        assertTakenOver(instance.getId());
        assertThat(output).contains("not reported: another worker has it now")
                .doesNotContain("could not be reported to the engine");
    }

    /**
     * As above for a refusal: the engine refuses to take the customs system's refusal for a hand-off
     * still this worker's. That is a failure for the process owner too, not a hand-off left locked to
     * be asked again, and refused again, each time its lock expires.
     */
    @Test
    void aRefusalTheEngineDoesNotTakeForAHandOffStillItsOwnIsReportedAsAFailure() {
        behave(Map.of("mode", "REFUSE", "reason", "Proforma invoice does not match the lines"));
        assertReportedAsFailureWhenTheEngineRefusesOnce("handleBpmnError", "a listener refused the refusal");
    }

    /** The scheduled poll and a woken one may run at once: each locks under a name of its own. */
    @Test
    void eachPollLocksUnderANameOfItsOwn() {
        List<String> names = new CopyOnWriteArrayList<>();
        cases = casesHandedOffThrough(proxied(engine.getExternalTaskService(), (engineTasks, method, args) -> {
            if (method.getName().equals("fetchAndLock")) {
                names.add((String) args[1]);
            }
            return null;
        }));

        worker.workOnce();
        worker.workOnce();

        assertThat(names).hasSize(2).doesNotHaveDuplicates();
    }

    /**
     * The engine refuses the worker's first {@code call} (complete, handleBpmnError) with {@code message}
     * while the hand-off is still the worker's: the case's hand-off carries that failure, with an incident.
     */
    private void assertReportedAsFailureWhenTheEngineRefusesOnce(String call, String message) {
        AtomicInteger calls = new AtomicInteger();
        cases = casesHandedOffThrough(proxied(engine.getExternalTaskService(), (engineTasks, method, args) -> {
            if (method.getName().equals(call) && calls.incrementAndGet() == 1) {
                throw new BadUserRequestException(message);
            }
            return null;
        }));

        ProcessInstance instance = released();

        ExternalTask failed = engine.getExternalTaskService().createExternalTaskQuery()
                .processInstanceId(instance.getId()).singleResult();
        assertThat(failed.getErrorMessage()).isEqualTo(message);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                .as("for the process owner in Cockpit").isOne();
    }

    /** Two cases' hand-offs fetched in one batch, in the order the worker handed them in. */
    private record Batch(ProcessInstance first, ProcessInstance other, AtomicInteger failuresReported) {
    }

    /**
     * Brings two cases to the hand-off, then lets the worker fetch both at once; as the first answer
     * is handed in, {@code meanwhile} (given the first's and the other's process instance) is done in a
     * transaction of its own, as another request or node would.
     */
    private Batch fetchedTogetherAndAsTheFirstIsHandedIn(BiConsumer<String, String> meanwhile) {
        AtomicBoolean holding = new AtomicBoolean(true);
        AtomicReference<String> first = new AtomicReference<>();
        AtomicReference<List<String>> both = new AtomicReference<>();
        AtomicInteger failuresReported = new AtomicInteger();
        cases = casesHandedOffThrough(proxied(engine.getExternalTaskService(), (engineTasks, method, args) -> {
            if (method.getName().equals("fetchAndLock") && holding.get()) {
                return engineTasks.fetchAndLock(0, (String) args[1]);
            }
            if (method.getName().equals("handleFailure")) {
                failuresReported.incrementAndGet();
            }
            if (method.getName().equals("complete") && first.compareAndSet(null, engineTasks.createExternalTaskQuery()
                    .externalTaskId((String) args[0]).singleResult().getProcessInstanceId())) {
                String other = both.get().stream().filter(id -> !id.equals(first.get())).findFirst().orElseThrow();
                CompletableFuture.runAsync(() -> meanwhile.accept(first.get(), other)).join();
            }
            return null;
        }));
        ProcessInstance one = released();
        ProcessInstance another = released();
        both.set(List.of(one.getId(), another.getId()));
        assertThat(engine.getExternalTaskService().createExternalTaskQuery().topicName(CustomsDeclarationWorker.TOPIC)
                .processInstanceIdIn(one.getId(), another.getId()).count()).isEqualTo(2);
        holding.set(false);

        assertThat(worker.workOnce()).isEqualTo(2);

        boolean oneFirst = first.get().equals(one.getId());
        return new Batch(oneFirst ? one : another, oneFirst ? another : one, failuresReported);
    }

    /** The hand-off's lock expired and another node fetched it. */
    private void takenOverByAnotherNode(String processInstance) {
        ExternalTaskService engineTasks = engine.getExternalTaskService();
        String task = engineTasks.createExternalTaskQuery().processInstanceId(processInstance).singleResult().getId();
        String reference = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstance)
                .singleResult().getBusinessKey();
        engineTasks.unlock(task);
        engineTasks.fetchAndLock(1, "another-node").topic(CustomsDeclarationWorker.TOPIC, 60_000)
                .businessKey(reference).execute();
    }

    private void assertTakenOver(String processInstance) {
        ExternalTask task = engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(processInstance)
                .singleResult();
        assertThat(task.getWorkerId()).isEqualTo("another-node");
        assertThat(task.getErrorMessage()).isNull();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(processInstance).count()).isZero();
    }

    /** The case went on to the distribution report with no incident; its release's declaration number. */
    private String wentOnWithItsDeclaration(ProcessInstance instance) {
        assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId()))
                .contains(ClearanceProcess.Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        return jdbc.sql("""
                select r.declaration_number from consignment_release r join consignment c on c.id = r.consignment_id
                where c.reference = ?""").param(instance.getBusinessKey()).query(String.class).single();
    }

    private ClearanceCases casesHandedOffThrough(ExternalTaskService externalTasks) {
        worker = new CustomsDeclarationWorker(externalTasks, CustomsSystems.of(properties),
                properties, outbox, decisions, json, scheduler, retry);
        return new ClearanceCases(registration, consignments, engine, documentStore, documentsOnForms, worker);
    }

    /** The engine's external tasks, but the first completion fails as a collision with another change would. */
    private static ExternalTaskService collidingAtFirstCompletion(ExternalTaskService engineTasks, AtomicInteger completions) {
        return collidingAtFirstCompletions(engineTasks, completions, 1);
    }

    /** The engine's external tasks, but the first {@code colliding} completions fail as collisions would. */
    private static ExternalTaskService collidingAtFirstCompletions(ExternalTaskService engineTasks,
                                                                    AtomicInteger completions, int colliding) {
        return proxied(engineTasks, (tasks, method, args) -> {
            if (method.getName().equals("complete") && completions.incrementAndGet() <= colliding) {
                throw new OptimisticLockingException("the case changed at the same moment");
            }
            return null;
        });
    }

    /** What a proxy does before the engine's own method; a non-null answer stands for the engine's. */
    private interface Before {
        Object call(ExternalTaskService engineTasks, Method method, Object[] args);
    }

    private static ExternalTaskService proxied(ExternalTaskService engineTasks, Before before) {
        return (ExternalTaskService) Proxy.newProxyInstance(ExternalTaskService.class.getClassLoader(),
                new Class<?>[] {ExternalTaskService.class}, (proxy, method, args) -> {
                    Object answer = before.call(engineTasks, method, args);
                    if (answer != null) {
                        return answer;
                    }
                    try {
                        return method.invoke(engineTasks, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private ProcessInstance released() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(instance);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        cases.clearAtPort(instance, "RELEASE", null);
        return instance;
    }

    private void behave(Map<String, Object> behaviour) {
        http.put("http://localhost:" + port + "/simulator/asycuda/behaviour", new HttpEntity<>(behaviour));
    }
}
