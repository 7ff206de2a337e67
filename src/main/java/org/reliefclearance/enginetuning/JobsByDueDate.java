package org.reliefclearance.enginetuning;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The job executor acquires due jobs in the order they fell due, through an index on the due date
 * (README, "Performance"). Every job carries a due date ({@code ensure-job-due-date-not-null}: an
 * asynchronous step is due when created), so acquisition reads the index from the oldest due job
 * and stops at the batch it asked for. Without the index, PostgreSQL read the whole job table at
 * each acquisition and, the statement looking expensive, compiled it first (JIT), about 10 ms each.
 * <p>
 * The index is added to Camunda's table once the engine has created or updated its schema, unless the
 * catalogue lists it already; jobs an earlier release left without a due date are given their creation
 * time, or no node would acquire them.
 * During a rolling upgrade nodes of that earlier release still create such jobs, and run them while they
 * last; every node therefore dates undated jobs again at each sweep ({@code relief.jobs.undated-sweep}),
 * so none waits for the next restart once the last of those nodes has stopped.
 */
@Component
public class JobsByDueDate extends AbstractProcessEnginePlugin {

    public static final String INDEX = "RC_IDX_JOB_DUEDATE";
    private static final Logger log = LoggerFactory.getLogger(JobsByDueDate.class);

    /** Set once the engine is built with every job dated; until then the sweep has nothing to do. */
    private volatile ProcessEngineConfigurationImpl engine;

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        if (configuration.isEnsureJobDueDateNotNull()) {
            prepare(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
            engine = configuration;
        }
    }

    /**
     * Dates the jobs a node of an earlier release created since the last sweep. The update reads the
     * due-date index (it holds the nulls too) and leaves the job's revision alone, so a node running
     * such a job meanwhile finishes it undisturbed; should that node write the job back without a
     * date, the next sweep dates it again.
     *
     * @return how many jobs were dated
     */
    @Scheduled(fixedDelayString = "${relief.jobs.undated-sweep:PT1M}", initialDelayString = "${relief.jobs.undated-sweep:PT1M}")
    public int dateUndatedJobs() {
        ProcessEngineConfigurationImpl configuration = engine;
        if (configuration == null || !configuration.isEnsureJobDueDateNotNull()) {
            return 0;
        }
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            return dateUndated(statement, table(configuration.getDatabaseTablePrefix()));
        } catch (SQLException failed) {
            // the next sweep tries again; the jobs wait no longer than that
            log.warn("Job acquisition by due date: could not date undated jobs ({})", failed.getMessage());
            return 0;
        }
    }

    /** Adds the index where missing and dates undated jobs; the benchmark's configuration after tuning calls it too. */
    public static void prepare(DataSource dataSource, String tablePrefix) {
        String table = table(tablePrefix);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            if (!indexed(connection, tablePrefix)) {
                try {
                    statement.execute("create index if not exists " + INDEX + " on " + table + " (DUEDATE_)");
                } catch (SQLException anotherNodeCreatesIt) {
                    // two nodes starting together: one creates it, the other may fail on the same name
                    log.info("Job due-date index: not created here ({})", anotherNodeCreatesIt.getMessage());
                }
            }
            dateUndated(statement, table);
        } catch (SQLException failed) {
            throw new IllegalStateException("Cannot prepare " + table + " for acquisition by due date", failed);
        }
    }

    /**
     * Whether the index exists, asked of the catalogue. Creating it, even "if not exists", waits for
     * every open transaction writing the job table on PostgreSQL, and every writer after it queues
     * behind: a node joining a busy cluster, or restarting after a crash whose transactions the
     * database has not yet ended, would stall the cluster's jobs, then its own start.
     */
    static boolean indexed(Connection connection, String tablePrefix) throws SQLException {
        DatabaseMetaData catalogue = connection.getMetaData();
        String qualified = table(tablePrefix);
        int dot = qualified.lastIndexOf('.');
        String schema = dot < 0 ? connection.getSchema() : qualified.substring(0, dot);
        String table = qualified.substring(dot + 1);
        if (catalogue.storesLowerCaseIdentifiers()) {
            schema = schema == null ? null : schema.toLowerCase(Locale.ROOT);
            table = table.toLowerCase(Locale.ROOT);
        } else if (catalogue.storesUpperCaseIdentifiers()) {
            schema = schema == null ? null : schema.toUpperCase(Locale.ROOT);
            table = table.toUpperCase(Locale.ROOT);
        }
        try (ResultSet indexes = catalogue.getIndexInfo(connection.getCatalog(), schema, table, false, true)) {
            while (indexes.next()) {
                if (INDEX.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int dateUndated(Statement statement, String table) throws SQLException {
        int undated = statement.executeUpdate("update " + table + " set DUEDATE_ = coalesce(CREATE_TIME_, CURRENT_TIMESTAMP)"
                + " where DUEDATE_ is null");
        if (undated > 0) {
            log.info("Job acquisition by due date: {} job(s) without a due date are due since their creation", undated);
        }
        return undated;
    }

    private static String table(String tablePrefix) {
        return (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_JOB";
    }
}
