package org.reliefclearance.enginetuning;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * A change that failed only because another change to the same rows committed first: Camunda's
 * optimistic locking, or the database rolling the transaction back to break a deadlock or a
 * serialization conflict (SQLSTATE class 40), anywhere in the causes. Done again once the other
 * change has committed, it goes through; nothing was wrong with it.
 */
public final class Collision {

    /** SQLSTATE class of a transaction the database rolled back: serialization failure, deadlock. */
    private static final String TRANSACTION_ROLLBACK = "40";
    /** A cause chain longer than any real one: a chain that loops must not hang the caller. */
    private static final int MAX_CAUSES = 32;

    private Collision() {
    }

    public static boolean isCollision(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (cause instanceof OptimisticLockingException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(TRANSACTION_ROLLBACK)) {
                return true;
            }
        }
        return false;
    }
}
