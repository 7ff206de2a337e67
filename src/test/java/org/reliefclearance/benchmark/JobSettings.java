package org.reliefclearance.benchmark;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executor's acquisition and pool settings and the history level, read from and applied to
 * the running engine, so one benchmark run measures the timers under two configurations. The pool's
 * queue cannot change while it runs; both keep the configured one. The history level in the
 * database stays as it was; the engine writes what the level applied says.
 */
record JobSettings(int maxJobsPerAcquisition, long waitTimeMillis, long maxWaitMillis, int threads,
        boolean preferTimerJobs, HistoryLevel historyLevel) {

    static JobSettings of(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = configuration(engine);
        JobExecutor executor = configuration.getJobExecutor();
        return new JobSettings(executor.getMaxJobsPerAcquisition(), executor.getWaitTimeInMillis(),
                executor.getMaxWait(), pool(executor).getMaxPoolSize(), configuration.isJobExecutorPreferTimerJobs(),
                configuration.getHistoryLevel());
    }

    void apply(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = configuration(engine);
        JobExecutor executor = configuration.getJobExecutor();
        executor.setMaxJobsPerAcquisition(maxJobsPerAcquisition);
        executor.setWaitTimeInMillis((int) waitTimeMillis);
        executor.setMaxWait(maxWaitMillis);
        ThreadPoolTaskExecutor pool = pool(executor);
        if (threads >= pool.getMaxPoolSize()) {
            pool.setMaxPoolSize(threads);
            pool.setCorePoolSize(threads);
        } else {
            pool.setCorePoolSize(threads);
            pool.setMaxPoolSize(threads);
        }
        configuration.setJobExecutorPreferTimerJobs(preferTimerJobs);
        configuration.setHistoryLevel(historyLevel);
    }

    private static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private static ThreadPoolTaskExecutor pool(JobExecutor executor) {
        return (ThreadPoolTaskExecutor) ((SpringJobExecutor) executor).getTaskExecutor();
    }
}
