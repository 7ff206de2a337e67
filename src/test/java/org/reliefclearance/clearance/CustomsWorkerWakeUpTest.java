package org.reliefclearance.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.junit.jupiter.api.Test;
import org.reliefclearance.customs.CustomsSystemProperties;
import org.reliefclearance.enginetuning.ExternalTaskCreated;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;

/** A committed hand-off wakes the worker at once: one woken poll at a time, only for its topic, only when enabled. */
class CustomsWorkerWakeUpTest {

    /** Keeps what it is asked to run instead of running it. */
    private static final class HeldScheduler extends ConcurrentTaskScheduler {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public ScheduledFuture<?> schedule(Runnable task, java.time.Instant startTime) {
            held.add(task);
            return null;
        }
    }

    @Test
    void aHandOffWakesTheWorkerOnceUntilTheWokenPollRuns() {
        HeldScheduler scheduler = new HeldScheduler();
        CustomsDeclarationWorker worker = worker(true, scheduler);

        worker.handOffCreated(new ExternalTaskCreated(CustomsDeclarationWorker.TOPIC));
        worker.handOffCreated(new ExternalTaskCreated(CustomsDeclarationWorker.TOPIC));
        assertThat(scheduler.held).as("one woken poll pending at a time").hasSize(1);

        worker.handOffCreated(new ExternalTaskCreated("another-topic"));
        assertThat(scheduler.held).hasSize(1);
    }

    @Test
    void aWorkerSwitchedOffIsNotWoken() {
        HeldScheduler scheduler = new HeldScheduler();
        worker(false, scheduler).handOffCreated(new ExternalTaskCreated(CustomsDeclarationWorker.TOPIC));
        assertThat(scheduler.held).isEmpty();
    }

    private static CustomsDeclarationWorker worker(boolean enabled, HeldScheduler scheduler) {
        CustomsSystemProperties properties = new CustomsSystemProperties("", Duration.ofSeconds(5), "PT1S", enabled);
        return new CustomsDeclarationWorker(null, null, properties, null, null, null, scheduler, null);
    }
}
