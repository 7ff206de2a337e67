package org.reliefclearance.enginetuning;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The job executor's threads run at a lower priority than the threads answering requests
 * ({@code relief.jobs.thread-priority}, README "Performance"): when a surge of notifications or a
 * batch of due deadlines fills the cores, an organisation's or an official's request is served
 * first and the asynchronous steps catch up as the requests leave the cores. Nothing waits for
 * ever: a lower priority is a smaller share of a busy core, not none.
 *
 * <p>Java thread priorities reach Linux only when the JVM runs with {@code -XX:ThreadPriorityPolicy=1}
 * (the Docker image and {@code mvn spring-boot:run} do; without it every thread runs alike). Lowering
 * a thread's priority needs no privilege. A priority above the requests' is refused: it could
 * starve them.
 */
@Component
class BackgroundJobPriority implements BeanPostProcessor {

    private final int priority;

    BackgroundJobPriority(@Value("${relief.jobs.thread-priority:1}") int priority) {
        if (priority < Thread.MIN_PRIORITY || priority > Thread.NORM_PRIORITY) {
            throw new IllegalStateException("relief.jobs.thread-priority must be from " + Thread.MIN_PRIORITY
                    + " (lowest) to " + Thread.NORM_PRIORITY + " (as requests), not " + priority);
        }
        this.priority = priority;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (JobQueueHandOff.POOL.equals(beanName) && bean instanceof ThreadPoolTaskExecutor pool) {
            pool.setThreadPriority(priority);
        }
        return bean;
    }
}
