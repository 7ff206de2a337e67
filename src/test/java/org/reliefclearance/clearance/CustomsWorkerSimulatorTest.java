package org.reliefclearance.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
     * meantime: nothing waits for that answer any more, and the other hand-off of the batch is still
     * declared and its case goes on.
     */
    @Test
    void aHandOffWhoseCaseWasWithdrawnDoesNotHoldUpTheRestOfItsBatch() {
        RuntimeService runtime = engine.getRuntimeService();
        String withdrawn = secondOfBatchGoesOnWhenTheFirstMeanwhile(
                processInstance -> runtime.deleteProcessInstance(processInstance, "withdrawn by the consignee"));

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(withdrawn).count()).isZero();
    }

    /**
     * As above, but the first hand-off's lock expired and another node fetched it meanwhile: this
     * worker can neither complete it nor report a failure; the other node's lock stands, no incident
     * is raised, and the rest of the batch is worked.
     */
    @Test
    void aHandOffAnotherNodeTookOverDoesNotHoldUpTheRestOfItsBatch() {
        ExternalTaskService engineTasks = engine.getExternalTaskService();
        String takenOver = secondOfBatchGoesOnWhenTheFirstMeanwhile(processInstance -> {
            String task = engineTasks.createExternalTaskQuery().processInstanceId(processInstance).singleResult().getId();
            String reference = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstance)
                    .singleResult().getBusinessKey();
            engineTasks.unlock(task);
            engineTasks.fetchAndLock(1, "another-node").topic(CustomsDeclarationWorker.TOPIC, 60_000)
                    .businessKey(reference).execute();
        });

        ExternalTask task = engineTasks.createExternalTaskQuery().processInstanceId(takenOver).singleResult();
        assertThat(task.getWorkerId()).isEqualTo("another-node");
        assertThat(task.getErrorMessage()).isNull();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(takenOver).count()).isZero();
    }

    /**
     * Brings two cases to the hand-off, then lets the worker fetch both at once; as the first answer
     * is handed in, {@code meanwhile} is done to its case in a transaction of its own (as another
     * request would). The other case must have gone on; returns the first case's process instance.
     */
    private String secondOfBatchGoesOnWhenTheFirstMeanwhile(Consumer<String> meanwhile) {
        AtomicBoolean holding = new AtomicBoolean(true);
        AtomicReference<String> first = new AtomicReference<>();
        cases = casesHandedOffThrough(proxied(engine.getExternalTaskService(), (engineTasks, method, args) -> {
            if (method.getName().equals("fetchAndLock") && holding.get()) {
                return engineTasks.fetchAndLock(0, (String) args[1]);
            }
            if (method.getName().equals("complete") && first.compareAndSet(null, engineTasks.createExternalTaskQuery()
                    .externalTaskId((String) args[0]).singleResult().getProcessInstanceId())) {
                CompletableFuture.runAsync(() -> meanwhile.accept(first.get())).join();
            }
            return null;
        }));
        ProcessInstance one = released();
        ProcessInstance other = released();
        assertThat(engine.getExternalTaskService().createExternalTaskQuery().topicName(CustomsDeclarationWorker.TOPIC)
                .processInstanceIdIn(one.getId(), other.getId()).count()).isEqualTo(2);
        holding.set(false);

        assertThat(worker.workOnce()).isEqualTo(2);

        assertThat(wentOnWithItsDeclaration(first.get().equals(one.getId()) ? other : one)).startsWith("LAWATTAY");
        return first.get();
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
