package org.reliefclearance.enginedoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When a completion is done again: which failures, how often, and which commands. The engine's own
 * races are in {@link CompletionRetryEngineTest}.
 */
class CompletionRetryTest {

    private static final String TASK = "task-1";
    private static final VariableMap COMPLETED = Variables.createVariables().putValue("decision", "ENDORSED");

    /** Where the task is (its execution) as the retry reads it after a failure, changed by the attempts below. */
    private final Map<String, String> executionOfTask = new HashMap<>(Map.of(TASK, "branch"));
    private final CompletionRetry retry = new CompletionRetry(executionOfTask::get);
    private final Attempts attempts = new Attempts();

    {
        retry.setNext(attempts);
    }

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
    }

    @Test
    void aCompletionThatCollidedIsDoneAgain() {
        attempts.then(() -> {
            throw new OptimisticLockingException("ENGINE-03005 updated by another transaction");
        }).then(() -> COMPLETED);

        assertThat(retry.execute(complete())).isSameAs(COMPLETED);
        assertThat(attempts.made).isEqualTo(2);
    }

    @Test
    void aSubmittedFormWhoseTaskMovedMeanwhileIsSubmittedAgain() {
        attempts.then(() -> {
            executionOfTask.put(TASK, "case");
            throw new NullPointerException("the branch's execution is gone");
        }).then(() -> COMPLETED);

        assertThat(retry.execute(new SubmitTaskFormCmd(TASK, Map.of(), false, false))).isSameAs(COMPLETED);
        assertThat(attempts.made).isEqualTo(2);
    }

    @Test
    void aFailureWhileTheTaskStayedWhereItWasIsTheCallersAnswerAtOnce() {
        attempts.then(() -> {
            throw new ProcessEngineException("Unknown property used in expression");
        });

        assertThatThrownBy(() -> retry.execute(complete())).hasMessage("Unknown property used in expression");
        assertThat(attempts.made).isEqualTo(1);
    }

    @Test
    void aFailureAfterWhichTheTaskIsGoneIsTheCallersAnswer() {
        // completed by this attempt (a failure after its commit) or by someone else, or its case ended
        attempts.then(() -> {
            executionOfTask.remove(TASK);
            throw new ProcessEngineException("failed after the commit");
        });

        assertThatThrownBy(() -> retry.execute(complete())).hasMessage("failed after the commit");
        assertThat(attempts.made).isEqualTo(1);
    }

    @Test
    void whenWhereTheTaskIsCannotBeReadTheFailureStaysTheCallers() {
        CompletionRetry blind = new CompletionRetry(taskId -> {
            throw new IllegalStateException("no connection");
        });
        blind.setNext(new CommandExecutor() {
            @Override
            public <T> T execute(Command<T> command) {
                blind.sawTaskAt("branch");
                throw new ProcessEngineException("the completion's own failure");
            }
        });

        assertThatThrownBy(() -> blind.execute(complete())).hasMessage("the completion's own failure")
                .satisfies(failure -> assertThat(failure.getSuppressed()).singleElement()
                        .extracting(Throwable::getMessage).isEqualTo("no connection"));
    }

    @Test
    void aRefusalIsNotTriedAgainEvenWhenTheTaskMoved() {
        attempts.then(() -> {
            executionOfTask.put(TASK, "case");
            throw new AuthorizationException("not yours");
        });

        assertThatThrownBy(() -> retry.execute(complete())).isInstanceOf(AuthorizationException.class);
        assertThat(attempts.made).isEqualTo(1);
    }

    @Test
    void aCompletionThatKeepsCollidingIsTheCallersAfterTheLastAttempt() {
        for (int i = 0; i < CompletionRetry.ATTEMPTS + 1; i++) {
            attempts.then(() -> {
                throw new OptimisticLockingException("ENGINE-03005 updated by another transaction");
            });
        }

        assertThatThrownBy(() -> retry.execute(complete())).isInstanceOf(OptimisticLockingException.class);
        assertThat(attempts.made).isEqualTo(CompletionRetry.ATTEMPTS);
    }

    @Test
    void onlyCompletionsOutsideAnyTransactionAreDoneAgain() {
        List<Command<?>> others = List.of(new ClaimTaskCmd(TASK, "molsw"), new ResolveTaskCmd(TASK, Map.of()),
                context -> "a step's own lookup");
        for (Command<?> other : others) {
            Attempts once = new Attempts().then(() -> {
                throw new OptimisticLockingException("ENGINE-03005 updated by another transaction");
            });
            retry.setNext(once);
            assertThatThrownBy(() -> retry.execute(other)).isInstanceOf(OptimisticLockingException.class);
            assertThat(once.made).isEqualTo(1);
        }

        // an application transaction is retried as a whole by its owner, not from inside
        TransactionSynchronizationManager.setActualTransactionActive(true);
        Attempts inTransaction = new Attempts().then(() -> {
            throw new OptimisticLockingException("ENGINE-03005 updated by another transaction");
        });
        retry.setNext(inTransaction);
        assertThatThrownBy(() -> retry.execute(complete())).isInstanceOf(OptimisticLockingException.class);
        assertThat(inTransaction.made).isEqualTo(1);
    }

    private static CompleteTaskCmd complete() {
        return new CompleteTaskCmd(TASK, Map.of("decision", "ENDORSED"));
    }

    /** The rest of the engine's chain: each attempt does what was queued for it. */
    private final class Attempts implements CommandExecutor {

        private final Deque<Supplier<Object>> queued = new ArrayDeque<>();
        int made;

        Attempts then(Supplier<Object> attempt) {
            queued.add(attempt);
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T execute(Command<T> command) {
            made++;
            // as the engine's link inside the command does, reading the task
            retry.sawTaskAt(executionOfTask.get(TASK));
            return (T) queued.remove().get();
        }
    }
}
