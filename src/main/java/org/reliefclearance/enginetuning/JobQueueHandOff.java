package org.reliefclearance.enginetuning;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The job executor's acquisition waits for room in the pool's queue instead of having the jobs it
 * fetched turned away (README, "Performance"). Turned-away jobs make Camunda's acquisition fetch
 * again at once, as many as were turned away: with many due jobs it then runs back to back, each
 * run scanning {@code ACT_RU_JOB} for a handful of jobs. Waiting, each acquisition hands over a
 * whole batch. Jobs waiting for room are already locked to this node, as queued ones are. A node
 * stopping lets its acquisition hand over the batch in hand first (a few jobs' time); a pool shut
 * down turns the rest away, and their locks expire as they always did.
 */
@Component
class JobQueueHandOff implements BeanPostProcessor {

    /** The job executor's pool, named by Camunda's Spring Boot starter. */
    static final String POOL = "camundaTaskExecutor";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (POOL.equals(beanName) && bean instanceof ThreadPoolTaskExecutor pool) {
            pool.setRejectedExecutionHandler(new WaitForRoom());
        }
        return bean;
    }

    /** Puts the job in the queue once there is room; refuses it only when the pool is shutting down. */
    static final class WaitForRoom implements RejectedExecutionHandler {

        @Override
        public void rejectedExecution(Runnable job, ThreadPoolExecutor pool) {
            try {
                while (!pool.isShutdown()) {
                    if (pool.getQueue().offer(job, 100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new RejectedExecutionException("the job executor's pool is shutting down");
        }
    }
}
