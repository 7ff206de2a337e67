package org.reliefclearance.enginetuning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Offers the {@code audit-trail} history level to the engine, so {@code camunda.bpm.history-level}
 * may name it (README, "Performance"), and moves a database written at {@code full} by an earlier
 * release to it: Camunda would otherwise refuse to start on it. The history already written stays;
 * only what is written from now on is narrower. Any other mismatch is still the engine's to refuse.
 */
@Component
class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(HistoryLevelPlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new AuditTrailHistoryLevel());
        configuration.setCustomHistoryLevels(levels);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getHistoryLevel() instanceof AuditTrailHistoryLevel) {
            fromFull(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
        }
    }

    /** Before the engine checks the stored level: a database at full (3) moves to audit-trail. */
    static void fromFull(DataSource dataSource, String tablePrefix) {
        String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_GE_PROPERTY";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update " + table
                     + " set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ = ?")) {
            update.setString(1, Integer.toString(AuditTrailHistoryLevel.ID));
            update.setString(2, Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
            if (update.executeUpdate() > 0) {
                log.info("History level: this database was written at 'full'; from now on it keeps '{}'"
                        + " (history already written stays)", AuditTrailHistoryLevel.NAME);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException noEngineTablesYet) {
            // a new database: the engine creates its tables and stores the configured level itself
            log.debug("History level: no {} to move ({})", table, noEngineTablesYet.getMessage());
        }
    }
}
