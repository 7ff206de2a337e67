package org.reliefclearance.enginetuning;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

/**
 * Offers the {@code audit-trail} history level to the engine, so {@code camunda.bpm.history-level}
 * may name it (README, "Performance").
 */
@Component
class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new AuditTrailHistoryLevel());
        configuration.setCustomHistoryLevels(levels);
    }
}
