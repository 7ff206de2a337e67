package org.reliefclearance.enginetuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** A job that finds the queue full waits for room, and is turned away only by a pool shutting down. */
class JobQueueHandOffTest {

    @Test
    void theJobExecutorsPoolWaitsForRoomAndNoOtherPoolDoes() {
        assertThat(JobQueueHandOff.POOL).isEqualTo(DefaultJobConfiguration.JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER);
        ThreadPoolTaskExecutor jobs = new ThreadPoolTaskExecutor();
        ThreadPoolTaskExecutor other = new ThreadPoolTaskExecutor();
        new JobQueueHandOff().postProcessBeforeInitialization(jobs, JobQueueHandOff.POOL);
        new JobQueueHandOff().postProcessBeforeInitialization(other, "applicationTaskExecutor");
        jobs.initialize();
        other.initialize();
        try {
            assertThat(jobs.getThreadPoolExecutor().getRejectedExecutionHandler())
                    .isInstanceOf(JobQueueHandOff.WaitForRoom.class);
            assertThat(other.getThreadPoolExecutor().getRejectedExecutionHandler())
                    .isInstanceOf(ThreadPoolExecutor.AbortPolicy.class);
        } finally {
            jobs.shutdown();
            other.shutdown();
        }
    }

    @Test
    void aJobThatFindsTheQueueFullWaitsForRoomAndRuns() throws Exception {
        try (BusyPool busy = new BusyPool()) {
            CompletableFuture<Void> third = CompletableFuture.runAsync(() -> busy.pool.execute(busy.ran::incrementAndGet));

            Thread.sleep(300);
            assertThat(third).as("handed over while the queue is full").isNotDone();
            busy.release.countDown();
            third.get(5, TimeUnit.SECONDS);
            busy.pool.shutdown();
            assertThat(busy.pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(busy.ran).hasValue(2);
        }
    }

    @Test
    void aPoolShuttingDownTurnsTheWaitingJobAway() throws Exception {
        try (BusyPool busy = new BusyPool()) {
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> busy.pool.execute(() -> { }));
            Thread.sleep(200);
            busy.pool.shutdown();
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(RejectedExecutionException.class);
        }
    }

    /** A pool of one thread, busy until released, whose queue of one holds a job that counts when it runs. */
    private static final class BusyPool implements AutoCloseable {

        final ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                new JobQueueHandOff.WaitForRoom());
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger ran = new AtomicInteger();

        BusyPool() {
            pool.execute(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            pool.execute(ran::incrementAndGet);
        }

        @Override
        public void close() {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
