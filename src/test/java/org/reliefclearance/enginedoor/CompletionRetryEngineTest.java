package org.reliefclearance.enginedoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.doors.EngineClient;
import org.reliefclearance.doors.EngineClient.Door;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The two races a completion can lose, played on the engine: the port completes its task while the
 * case's other branch (the reviews) ends, or while another change to the task commits. Each race is
 * made to happen at the worst moment, right after the completion has read its task.
 */
@ServiceTest
class CompletionRetryEngineTest {

    private static final String PROBE = "completion-race-probe";

    @Autowired
    ProcessEngine engine;
    @Autowired
    TestRestTemplate http;

    private ProcessEngineConfigurationImpl configuration;
    private TaskService tasks;
    private Deployment deployment;
    private ProcessInstance instance;

    @BeforeEach
    void aCaseWithTwoBranches() {
        configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        tasks = engine.getTaskService();
        deployment = engine.getRepositoryService().createDeployment().addModelInstance(PROBE + ".bpmn",
                Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                        .startEvent("Event_Notified")
                        .parallelGateway("Gateway_Split")
                        .userTask("Task_ClearAtPort").camundaCandidateGroups("molsw-officers").endEvent("Event_Cleared")
                        .moveToNode("Gateway_Split")
                        .userTask("Task_Review").endEvent("Event_Reviewed")
                        .done())
                .deploy();
        instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE, Map.of("reference", "RC-PROBE"));
    }

    @AfterEach
    void removeTheProbe() {
        engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }

    @Test
    void theEngineDoesEveryCompletionThroughTheRetryFirstAndNotesWhereItFindsTheTask() {
        assertThat(configuration.getCustomPreCommandInterceptorsTxRequired().get(0)).isInstanceOf(CompletionRetry.class);
        assertThat(configuration.getCustomPostCommandInterceptorsTxRequired())
                .anyMatch(link -> link.getClass().getEnclosingClass() == CompletionRetry.class);
    }

    @Test
    void withoutTheRetryAnOfficialLosesTheRaceWithABranchEnding() {
        String port = task("Task_ClearAtPort");
        String review = task("Task_Review");

        assertThatThrownBy(() -> raceOnce(null, port, () -> tasks.complete(review))
                .execute(new CompleteTaskCmd(port, Map.of("clearanceDecision", "RELEASE"))))
                .as("the engine reads the branch's execution, deleted meanwhile").isInstanceOf(NullPointerException.class);

        assertThat(tasks.createTaskQuery().taskId(port).count()).as("the port's task still open").isOne();
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "clearanceDecision")).isNull();
    }

    @Test
    void aCompletionWhoseTaskMovedToTheCaseMeanwhileIsDoneAgain() {
        String port = task("Task_ClearAtPort");
        String review = task("Task_Review");
        AtomicInteger attempts = new AtomicInteger();
        CompletionRetry retry = CompletionRetry.of(configuration);
        retry.setNext(counting(raceOnce(retry, port, () -> tasks.complete(review)), attempts));

        retry.execute(new CompleteTaskCmd(port, Map.of("clearanceDecision", "RELEASE")));

        assertThat(attempts).hasValue(2);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                .as("both branches done, the case ended").isZero();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("clearanceDecision").singleResult().getValue()).isEqualTo("RELEASE");
    }

    /** Through the engine's own chain, as Tasklist's submission arrives: an official, the guard, the retry. */
    @Test
    void anOfficialsCompletionIsDoneAgainByTheEngineWhenItsTaskMovedMeanwhile() {
        String port = task("Task_ClearAtPort");
        String review = task("Task_Review");
        AtomicInteger attempts = new AtomicInteger();
        engine.getIdentityService().setAuthentication("molsw", List.of("molsw-officers"));
        try {
            // right after the engine's own link has read the task, the review ends in another transaction
            inTheEnginesChain(completing(port), attempts,
                    () -> CompletableFuture.runAsync(() -> tasks.complete(review)).join(), () -> tasks.complete(port));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        assertThat(attempts).hasValue(2);
        assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(port)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
                .as("completed once, by the official who submitted it").singleElement()
                .extracting(UserOperationLogEntry::getUserId).isEqualTo("molsw");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(port).singleResult()
                .getDeleteReason()).isEqualTo("completed");
    }

    /**
     * The retry is no way round the door: an official of another ministry submitting the port's task
     * through either engine door, caught in the same race, is refused, and nothing of the port's task
     * changed (the review the race ended is the other request's doing).
     */
    @ParameterizedTest
    @EnumSource(Door.class)
    void aWrongOfficialCaughtInTheRaceIsStillRefusedAndNothingChanges(Door door) {
        String port = task("Task_ClearAtPort");
        String review = task("Task_Review");
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<ResponseEntity<String>> answer = new AtomicReference<>();

        inTheEnginesChain(completing(port), attempts,
                () -> CompletableFuture.runAsync(() -> tasks.complete(review)).join(),
                () -> answer.set(new EngineClient(http).post(door, "moh", "task/" + port + "/submit-form",
                        Map.of("variables", Map.of()))));

        assertThat(answer.get().getStatusCode()).as(answer.get().getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(attempts).as("refused at once, not done again").hasValue(1);
        assertThat(tasks.createTaskQuery().taskId(review).count()).as("the race took place").isZero();
        Task stillOpen = tasks.createTaskQuery().taskId(port).singleResult();
        assertThat(stillOpen).as("the port's task still open").isNotNull();
        assertThat(stillOpen.getAssignee()).isNull();
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsOnlyKeys("reference");
        assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(port).count())
                .as("nothing done to it by anyone").isZero();
    }

    /**
     * The guard's own read of the task meets the same race: the task read, its branch's execution
     * deleted before the case's variables are read. It reads again rather than check the official's
     * values against a case without data (a read-only field sent back empty would pass).
     */
    @Test
    void theGuardReadsATaskThatMovedMeanwhileAgainRatherThanCheckItWithoutItsCase() {
        String port = task("Task_ClearAtPort");
        String review = task("Task_Review");
        StepForms steps = new StepForms(configuration, List.of());
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<StepForms.TaskStep> read = new AtomicReference<>();
        // the guard's first read finds the task, then the review ends in another transaction
        Thread guard = Thread.currentThread();
        inTheEnginesChain(command -> command instanceof TrustedLookup && Thread.currentThread() == guard, reads, () -> {
            Context.getCommandContext().getTaskManager().findTaskById(port);
            CompletableFuture.runAsync(() -> tasks.complete(review)).join();
        }, () -> read.set(steps.task(port)));

        assertThat(reads).hasValue(2);
        assertThat(read.get().variables()).as("read again, with the case's data").containsEntry("reference", "RC-PROBE");
    }

    /** Within one command the read cannot be made again: the guard's check fails as a collision instead. */
    @Test
    void aTaskCaughtMovingInEveryReadFailsTheGuardAsACollision() {
        String port = task("Task_ClearAtPort");
        String review = task("Task_Review");
        StepForms steps = new StepForms(configuration, List.of());

        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
            context.getTaskManager().findTaskById(port);
            CompletableFuture.runAsync(() -> tasks.complete(review)).join();
            return steps.task(port);
        })).isInstanceOf(OptimisticLockingException.class);
    }

    @Test
    void aCompletionThatCollidedWithAChangeToItsTaskIsDoneAgain() {
        String port = task("Task_ClearAtPort");
        AtomicInteger attempts = new AtomicInteger();
        CompletionRetry retry = CompletionRetry.of(configuration);
        retry.setNext(counting(raceOnce(retry, port, () -> tasks.setPriority(port, 90)), attempts));

        retry.execute(new CompleteTaskCmd(port, Map.of()));

        assertThat(attempts).hasValue(2);
        assertThat(tasks.createTaskQuery().taskId(port).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(port).singleResult()
                .getPriority()).as("the other change stands").isEqualTo(90);
    }

    private String task(String key) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult().getId();
    }

    /**
     * The engine, but in its first command {@code otherChange} commits in another transaction right
     * after the completion has read its task (through {@code retry}'s link inside the command, as the
     * engine's chain does; without a retry, by reading it), as a request arriving at that moment would.
     */
    private CommandExecutor raceOnce(CompletionRetry retry, String taskId, Runnable otherChange) {
        CommandExecutor engineChain = configuration.getCommandExecutorTxRequired();
        AtomicInteger commands = new AtomicInteger();
        return new CommandExecutor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (commands.incrementAndGet() > 1) {
                    return engineChain.execute(command);
                }
                return engineChain.execute(context -> {
                    CommandInterceptor readsTheTask = retry != null ? retry.whereTheTaskWas() : new CommandInterceptor() {
                        @Override
                        public <R> R execute(Command<R> completion) {
                            context.getTaskManager().findTaskById(taskId);
                            return next.execute(completion);
                        }
                    };
                    readsTheTask.setNext(new CommandExecutor() {
                        @Override
                        public <R> R execute(Command<R> completion) {
                            CompletableFuture.runAsync(otherChange).join();
                            return completion.execute(context);
                        }
                    });
                    return readsTheTask.execute(command);
                });
            }
        };
    }

    /**
     * Does {@code action} with the engine's own chain changed for it: the first command that is
     * {@code chosen} runs {@code race} inside its transaction, right after the link that notes where a
     * completion finds its task; {@code seen} counts the chosen commands.
     */
    private void inTheEnginesChain(Predicate<Command<?>> chosen, AtomicInteger seen, Runnable race, Runnable action) {
        CommandInterceptor noting = configuration.getCustomPostCommandInterceptorsTxRequired().stream()
                .filter(link -> link.getClass().getEnclosingClass() == CompletionRetry.class).findFirst().orElseThrow();
        CommandExecutor rest = noting.getNext();
        noting.setNext(new CommandExecutor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (chosen.test(command) && seen.incrementAndGet() == 1) {
                    race.run();
                }
                return rest.execute(command);
            }
        });
        try {
            action.run();
        } finally {
            noting.setNext(rest);
        }
    }

    /** A completion of the task, through whichever door it came. */
    private static Predicate<Command<?>> completing(String taskId) {
        return command -> (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
                && taskId.equals(CommandFields.read(command, "taskId"));
    }

    private static CommandExecutor counting(CommandExecutor next, AtomicInteger attempts) {
        return new CommandExecutor() {
            @Override
            public <T> T execute(Command<T> command) {
                attempts.incrementAndGet();
                return next.execute(command);
            }
        };
    }
}
