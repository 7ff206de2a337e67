package org.reliefclearance.enginedoor;

import java.util.Objects;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.reliefclearance.enginetuning.Collision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An official's <em>Complete</em> (Tasklist's form submission, the engine REST API, the Java API) that
 * lost a race with another change to its case is done again, in a new transaction, before the
 * official sees an error. Two races: a {@link Collision} (another change to the same rows committed
 * first), and the task moving to another execution while it was completed: when a parallel branch of
 * the case ends, Camunda moves the tasks of the branch that remains to the case's own execution and
 * deletes the branch's, and a completion that read the task just before reads a deleted execution
 * just after (a {@code NullPointerException}, or a listener's expression that no longer finds the
 * case's variables). Where the attempt found the task is noted as it reads it ({@link #whereTheTaskWas},
 * inside the command, so it costs no query) and compared with where the task is after a failure; any
 * other failure, and any failure after which the task is gone, is the caller's answer at once.
 * <p>
 * Each attempt passes the caller's guard again. A completion inside a running command (a step's
 * own doing) or inside an application transaction (whose owner retries it as a whole) is not
 * retried here. A third failure is the caller's; submitting again is then the official's choice.
 */
final class CompletionRetry extends CommandInterceptor {

    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(CompletionRetry.class);

    /** The task's execution now, or null when the task is gone; asked only after a failure. */
    private final UnaryOperator<String> executionOfTask;
    /** Where the current attempt on this thread found its task. */
    private final ThreadLocal<Sighting> attempt = new ThreadLocal<>();

    CompletionRetry(UnaryOperator<String> executionOfTask) {
        this.executionOfTask = executionOfTask;
    }

    /** Reads the task's execution through the engine, in a command of its own. */
    static CompletionRetry of(ProcessEngineConfigurationImpl engine) {
        return new CompletionRetry(taskId -> TrustedLookup.run(engine, context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            return task == null ? null : task.getExecutionId();
        }));
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (!isCompletion(command) || Context.getCommandContext() != null
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return next.execute(command);
        }
        String taskId = CommandFields.read(command, "taskId");
        try {
            for (int tries = 1; ; tries++) {
                Sighting sighting = new Sighting();
                attempt.set(sighting);
                try {
                    return next.execute(command);
                } catch (RuntimeException failure) {
                    if (tries == ATTEMPTS || failure instanceof AuthorizationException
                            || !lostARace(failure, taskId, sighting)) {
                        throw failure;
                    }
                    log.info("Completion of task {} lost a race with another change to its case, attempt {} of {}: {}",
                            taskId, tries, ATTEMPTS, failure.toString());
                    if (!Collision.pauseAfter(tries)) {
                        throw failure;
                    }
                }
            }
        } finally {
            attempt.remove();
        }
    }

    /**
     * Inside the command (a link after the transaction has begun): reads the task as the completion is
     * about to, so the completion finds it in the command's cache, and notes its execution.
     */
    CommandInterceptor whereTheTaskWas() {
        return new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                Sighting sighting = attempt.get();
                if (sighting != null && !sighting.seen && isCompletion(command)) {
                    TaskEntity task = Context.getCommandContext().getTaskManager()
                            .findTaskById(CommandFields.read(command, "taskId"));
                    sawTaskAt(task == null ? null : task.getExecutionId());
                }
                return next.execute(command);
            }
        };
    }

    /** Notes where the current attempt found its task (null: no task, or one outside any process). */
    void sawTaskAt(String executionId) {
        Sighting sighting = attempt.get();
        if (sighting != null && !sighting.seen) {
            sighting.seen = true;
            sighting.execution = executionId;
        }
    }

    /**
     * A collision, or the task still there but moved. A task gone after the failure is not tried again:
     * it was completed (by this attempt, should a failure come after its commit, or by someone else) or
     * its case ended, and the failure says more than "no such task" would.
     */
    private boolean lostARace(RuntimeException failure, String taskId, Sighting sighting) {
        if (Collision.isCollision(failure)) {
            return true;
        }
        if (!sighting.seen) {
            return false;
        }
        try {
            String now = executionOfTask.apply(taskId);
            return now != null && !Objects.equals(sighting.execution, now);
        } catch (RuntimeException lookupFailed) {
            failure.addSuppressed(lookupFailed);
            return false;
        }
    }

    /** Exactly these: a resolution ({@code ResolveTaskCmd}, a completion's subclass) leaves its task in place. */
    private static boolean isCompletion(Command<?> command) {
        return command.getClass() == CompleteTaskCmd.class || command.getClass() == SubmitTaskFormCmd.class;
    }

    private static final class Sighting {
        boolean seen;
        String execution;
    }
}
