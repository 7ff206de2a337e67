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
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                new JobQueueHandOff.WaitForRoom());
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try {
            pool.execute(() -> await(release));   // the only thread
            pool.execute(ran::incrementAndGet);    // the only place in the queue
            CompletableFuture<Void> third = CompletableFuture.runAsync(() -> pool.execute(ran::incrementAndGet));

            Thread.sleep(300);
            assertThat(third).as("handed over while the queue is full").isNotDone();
            release.countDown();
            third.get(5, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).hasValue(2);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aPoolShuttingDownTurnsTheWaitingJobAway() throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                new JobQueueHandOff.WaitForRoom());
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> await(release));
            pool.execute(() -> { });
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> pool.execute(() -> { }));
            Thread.sleep(200);
            pool.shutdown();
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(RejectedExecutionException.class);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
