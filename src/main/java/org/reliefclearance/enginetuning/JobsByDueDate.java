package org.reliefclearance.enginetuning;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job executor acquires due jobs in the order they fell due, through an index on the due date
 * (README, "Performance"). Every job carries a due date ({@code ensure-job-due-date-not-null}: an
 * asynchronous step is due when created), so acquisition reads the index from the oldest due job
 * and stops at the batch it asked for. Without the index, PostgreSQL read the whole job table at
 * each acquisition and, the statement looking expensive, compiled it first (JIT), about 10 ms each.
 * <p>
 * The index is added to Camunda's table once the engine has created or updated its schema; jobs an
 * earlier release left without a due date are given their creation time, or no node would acquire them.
 */
@Component
public class JobsByDueDate extends AbstractProcessEnginePlugin {

    public static final String INDEX = "RC_IDX_JOB_DUEDATE";
    private static final Logger log = LoggerFactory.getLogger(JobsByDueDate.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        if (configuration.isEnsureJobDueDateNotNull()) {
            prepare(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
        }
    }

    /** Adds the index where missing and dates undated jobs; the benchmark's configuration after tuning calls it too. */
    public static void prepare(DataSource dataSource, String tablePrefix) {
        String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_JOB";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            try {
                statement.execute("create index if not exists " + INDEX + " on " + table + " (DUEDATE_)");
            } catch (SQLException anotherNodeCreatesIt) {
                // two nodes starting together: one creates it, the other may fail on the same name
                log.info("Job due-date index: not created here ({})", anotherNodeCreatesIt.getMessage());
            }
            int undated = statement.executeUpdate("update " + table + " set DUEDATE_ = coalesce(CREATE_TIME_, CURRENT_TIMESTAMP)"
                    + " where DUEDATE_ is null");
            if (undated > 0) {
                log.info("Job acquisition by due date: {} job(s) without a due date are due since their creation",
                        undated);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Cannot prepare " + table + " for acquisition by due date", failed);
        }
    }
}
