package org.reliefclearance.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.reliefclearance.consignment.WrongStateException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class ConcurrentChangeRetryTest {

    final ConcurrentChangeRetry retry = new ConcurrentChangeRetry(
            new TransactionTemplate(mock(PlatformTransactionManager.class)));

    @Test
    void aConflictIsRetriedInANewTransactionUntilTheActionGoesThrough() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retry.inTransaction(() -> {
            int attempt = attempts.incrementAndGet();
            if (attempt == 1) {
                throw new OptimisticLockingException("execution updated by another transaction concurrently");
            }
            if (attempt == 2) {
                throw new CannotAcquireLockException("deadlock detected");
            }
            return "delivered";
        });

        assertThat(result).isEqualTo("delivered");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aConflictThatPersistsBecomesA409AfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.inTransaction(() -> {
            attempts.incrementAndGet();
            throw new OptimisticLockingException("still concurrent");
        })).isInstanceOf(WrongStateException.class).hasMessageContaining("changed at the same moment");
        assertThat(attempts).hasValue(ConcurrentChangeRetry.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.inTransaction(() -> {
            attempts.incrementAndGet();
            throw new WrongStateException("not waiting for its arrival");
        })).isInstanceOf(WrongStateException.class).hasMessage("not waiting for its arrival");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void withinASurroundingTransactionTheConflictIsLeftToTheSurroundingRetry() {
        AtomicInteger attempts = new AtomicInteger();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> retry.inTransaction(() -> {
                attempts.incrementAndGet();
                throw new OptimisticLockingException("execution updated by another transaction concurrently");
            })).isInstanceOf(OptimisticLockingException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(attempts).hasValue(1);
    }
}
