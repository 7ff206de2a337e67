package org.reliefclearance.enginetuning;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A change that failed only because another change to the same rows committed first: Camunda's
 * optimistic locking, the database rolling the transaction back to break a deadlock or a
 * serialization conflict (SQLSTATE class 40), or Camunda finding that an execution's parent was
 * deleted while it read the case (another branch reshaped the case's executions between two of
 * its reads), anywhere in the causes. Done again once the other change has committed, it goes
 * through; nothing was wrong with it.
 */
public final class Collision {

    /** SQLSTATE class of a transaction the database rolled back: serialization failure, deadlock. */
    private static final String TRANSACTION_ROLLBACK = "40";
    /** Camunda's code for "Cannot resolve parent ... of execution ..., perhaps it was deleted in the meantime". */
    private static final String PARENT_DELETED_MEANWHILE = "ENGINE-03077";
    /** A cause chain longer than any real one: a chain that loops must not hang the caller. */
    private static final int MAX_CAUSES = 32;
    /** The longest pause before the second attempt; it doubles for each attempt after. */
    private static final long FIRST_PAUSE_MILLIS = 20;

    private Collision() {
    }

    public static boolean isCollision(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (cause instanceof OptimisticLockingException) {
                return true;
            }
            if (cause instanceof ProcessEngineException && cause.getMessage() != null
                    && cause.getMessage().startsWith(PARENT_DELETED_MEANWHILE)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(TRANSACTION_ROLLBACK)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits before attempt {@code failedAttempt + 1}: exponential with jitter (half the ceiling and up
     * to all of it, 20 ms after the first failure), so two requests that collided do not collide again.
     *
     * @return false when the thread was interrupted meanwhile (its flag set again)
     */
    public static boolean pauseAfter(int failedAttempt) {
        long ceiling = FIRST_PAUSE_MILLIS << (failedAttempt - 1);
        try {
            Thread.sleep(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
