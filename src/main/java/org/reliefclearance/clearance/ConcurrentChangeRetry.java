package org.reliefclearance.clearance;

import java.util.function.Supplier;

import org.reliefclearance.consignment.WrongStateException;
import org.reliefclearance.enginetuning.Collision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an API action in its own transaction and, when another node or thread changed the same
 * case at the same moment (Camunda's optimistic locking, a database lock conflict, PostgreSQL breaking
 * a deadlock inside an engine command, the case's executions reshaped between two reads:
 * {@link Collision}), runs it
 * again from the start after a short random pause. The action re-reads the case each time, so
 * a retry either succeeds or finds that the case no longer waits for it (409). Only when the
 * conflict persists does the caller see it, as a 409 to try again. Inside a surrounding transaction
 * (an answer and its document as one step) the action joins it and is not retried on its own: the
 * failed attempt has spoilt the whole transaction, so the surrounding retry starts it all again.
 */
@Component
public class ConcurrentChangeRetry {

    static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(ConcurrentChangeRetry.class);

    private final TransactionTemplate transaction;

    ConcurrentChangeRetry(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    public <T> T inTransaction(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.execute(tx -> work.get());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(tx -> work.get());
            } catch (RuntimeException failure) {
                if (!(failure instanceof ConcurrencyFailureException) && !Collision.isCollision(failure)) {
                    throw failure;
                }
                if (attempt == ATTEMPTS) {
                    throw new CaseKeptChanging();
                }
                log.debug("Concurrent change, attempt {} of {}: {}", attempt, ATTEMPTS, failure.getMessage());
                if (!Collision.pauseAfter(attempt)) {
                    throw new WrongStateException("Interrupted while waiting to retry a concurrent change");
                }
            }
        }
    }

    /** The case changed at the same moment at every attempt: the caller may try again later. */
    public static final class CaseKeptChanging extends WrongStateException {

        CaseKeptChanging() {
            super("The case changed at the same moment; reload it and try again");
        }
    }
}
