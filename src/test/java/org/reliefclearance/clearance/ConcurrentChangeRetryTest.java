package org.reliefclearance.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.impl.ProcessEngineLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
            if (attempt == 3) {
                // PostgreSQL breaking a deadlock inside an engine command reaches the caller as Camunda's
                throw new ProcessEnginePersistenceException("flush failed",
                        new SQLException("ERROR: deadlock detected", "40P01"));
            }
            if (attempt == 4) {
                // another branch reshaped the case's executions between two reads of this command
                throw ProcessEngineLogger.PERSISTENCE_LOGGER.resolveParentOfExecutionFailedException("parent", "child");
            }
            return "delivered";
        });

        assertThat(result).isEqualTo("delivered");
        assertThat(attempts).hasValue(5);
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

    /** Failures that are no collision: the case's state, a constraint, an engine error. */
    static Stream<RuntimeException> failuresThatAreNoCollision() {
        return Stream.of(new WrongStateException("not waiting for its arrival"),
                new ProcessEnginePersistenceException("flush failed", new SQLException("duplicate key", "23505")),
                ProcessEngineLogger.PERSISTENCE_LOGGER.databaseHistoryLevelException("full"));
    }

    @ParameterizedTest
    @MethodSource("failuresThatAreNoCollision")
    void aFailureThatIsNoCollisionIsNotRetried(RuntimeException failure) {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.inTransaction(() -> {
            attempts.incrementAndGet();
            throw failure;
        })).isSameAs(failure);
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
