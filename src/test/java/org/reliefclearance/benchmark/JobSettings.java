package org.reliefclearance.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.reliefclearance.enginetuning.JobsByDueDate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executor's acquisition settings, its pool, the history level and the removal-time strategy,
 * read from and applied to the running engine, so one benchmark run measures the timers under two
 * configurations. Acquisition by due date brings its index; without it the index is dropped. A pool's
 * queue cannot change while it runs, so the configuration before tuning brings a pool of its own,
 * with Java's default for a full queue: the job is turned away. The history level in the database
 * stays as it was; the engine writes what the level applied says.
 */
record JobSettings(int maxJobsPerAcquisition, long waitTimeMillis, long maxWaitMillis, ThreadPoolTaskExecutor pool,
        boolean preferTimerJobs, boolean acquireByDueDate, boolean ensureDueDate, HistoryLevel historyLevel,
        String removalTimeStrategy) {

    /**
     * As configured when issue 21 was filed: 8 jobs per acquisition, 1 s and at most 5 s idle, 8 threads, queue 16,
     * jobs acquired in no order (and those without a due date among them) with no index on the due date, history
     * level full, removal time stamped on a process's history when it ends.
     */
    static JobSettings beforeTuning() {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(8);
        pool.setMaxPoolSize(8);
        pool.setQueueCapacity(16);
        pool.setThreadNamePrefix("jobsBeforeTuning-");
        pool.initialize();
        return new JobSettings(8, 1000, 5000, pool, false, false, false, HistoryLevel.HISTORY_LEVEL_FULL,
                ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
    }

    static JobSettings of(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = configuration(engine);
        JobExecutor executor = configuration.getJobExecutor();
        return new JobSettings(executor.getMaxJobsPerAcquisition(), executor.getWaitTimeInMillis(),
                executor.getMaxWait(), pool(executor), configuration.isJobExecutorPreferTimerJobs(),
                configuration.isJobExecutorAcquireByDueDate(), configuration.isEnsureJobDueDateNotNull(),
                configuration.getHistoryLevel(), configuration.getHistoryRemovalTimeStrategy());
    }

    void apply(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = configuration(engine);
        JobExecutor executor = configuration.getJobExecutor();
        executor.setMaxJobsPerAcquisition(maxJobsPerAcquisition);
        executor.setWaitTimeInMillis((int) waitTimeMillis);
        executor.setMaxWait(maxWaitMillis);
        ((SpringJobExecutor) executor).setTaskExecutor(pool);
        configuration.setJobExecutorPreferTimerJobs(preferTimerJobs);
        configuration.setJobExecutorAcquireByDueDate(acquireByDueDate);
        configuration.setEnsureJobDueDateNotNull(ensureDueDate);
        if (ensureDueDate) {
            JobsByDueDate.prepare(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
        } else {
            dropDueDateIndex(configuration);
        }
        configuration.setHistoryLevel(historyLevel);
        configuration.setHistoryRemovalTimeStrategy(removalTimeStrategy);
    }

    /** The job table as it was before tuning: no index on the due date. */
    private static void dropDueDateIndex(ProcessEngineConfigurationImpl configuration) {
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("drop index if exists " + prefix + JobsByDueDate.INDEX);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static ThreadPoolTaskExecutor pool(JobExecutor executor) {
        return (ThreadPoolTaskExecutor) ((SpringJobExecutor) executor).getTaskExecutor();
    }

    private static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
