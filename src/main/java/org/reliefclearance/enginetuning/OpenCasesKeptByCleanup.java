package org.reliefclearance.enginetuning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TableDataManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * History cleanup never removes the history of a process still running. A process's history is due
 * for removal its time to live after it started (removal-time strategy {@code start}: each row is
 * written once with its removal time, instead of being updated again on every history table when
 * the process ends; README, "Performance"). Before each cleanup, in a transaction of its own, a
 * process still running whose history has fallen due is given its time to live again from now; and
 * a process that ended without a removal time (started under the strategy {@code end} of an earlier
 * release) is given the one Camunda computes for it, its time to live after its end. Camunda's
 * cleanup then runs as shipped.
 */
@Component
class OpenCasesKeptByCleanup extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(OpenCasesKeptByCleanup.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomJobHandlers());
        // same type as Camunda's: the engine's own cleanup jobs run through this handler
        handlers.add(new GuardedCleanup());
        configuration.setCustomJobHandlers(handlers);
    }

    static final class GuardedCleanup extends HistoryCleanupJobHandler {
        @Override
        public void execute(HistoryCleanupJobHandlerConfiguration configuration, ExecutionEntity execution,
                CommandContext commandContext, String tenantId) {
            commandContext.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew()
                    .execute(new KeepOpenProcesses());
            super.execute(configuration, execution, commandContext, tenantId);
        }
    }

    /** Root process instances whose history the next cleanup would misjudge, and their new removal time. */
    static final class KeepOpenProcesses implements Command<Integer> {
        @Override
        public Integer execute(CommandContext commandContext) {
            ProcessEngineConfigurationImpl engine = commandContext.getProcessEngineConfiguration();
            TableDataManager tables = commandContext.getTableDataManager();
            Date now = ClockUtil.getCurrentTime();
            List<HistoricProcessInstance> roots = engine.getHistoryService().createNativeHistoricProcessInstanceQuery()
                    .sql("select p.* from " + tables.getTableName(HistoricProcessInstanceEntity.class, true) + " p join "
                            + tables.getTableName(ProcessDefinitionEntity.class, true)
                            + " d on d.ID_ = p.PROC_DEF_ID_ where p.ID_ = p.ROOT_PROC_INST_ID_"
                            + " and d.HISTORY_TTL_ is not null and ((p.END_TIME_ is null and p.REMOVAL_TIME_ <= #{now})"
                            + " or (p.END_TIME_ is not null and p.REMOVAL_TIME_ is null))")
                    .parameter("now", now).list();
            for (HistoricProcessInstance root : roots) {
                ProcessDefinitionEntity definition = engine.getDeploymentCache()
                        .findDeployedProcessDefinitionById(root.getProcessDefinitionId());
                Date removal = root.getEndTime() == null
                        ? Date.from(now.toInstant().plus(Duration.ofDays(definition.getHistoryTimeToLive())))
                        : engine.getHistoryRemovalTimeProvider().calculateRemovalTime(
                                (HistoricProcessInstanceEventEntity) root, definition);
                commandContext.getHistoricProcessInstanceManager()
                        .addRemovalTimeToProcessInstancesByRootProcessInstanceId(root.getId(), removal);
                if (engine.isDmnEnabled()) {
                    commandContext.getHistoricDecisionInstanceManager()
                            .addRemovalTimeToDecisionsByRootProcessInstanceId(root.getId(), removal);
                }
                log.info("History cleanup: process {} ({}) is kept until {}", root.getId(),
                        root.getEndTime() == null ? "still running" : "ended without a removal time", removal);
            }
            return roots.size();
        }
    }
}
