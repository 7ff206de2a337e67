package org.reliefclearance.models;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.enginedoor.ActingAs;
import org.reliefclearance.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running cases of one version of a process to its latest version with Camunda's migration
 * API: a plan mapping equal activities, a dry run that refuses anything that would lose a case's state,
 * then a batch. The owner acts with their own engine permissions ({@link ActingAs}), so the engine's
 * user operation log names them; the application's table and log record the request too.
 *
 * <p>Refused, naming each: a plan Camunda finds invalid; an activity where cases wait that the new
 * version has no activity of the same id for; variables of a scope the new version drops; any case
 * whose own migration fails (Camunda's per-instance validation, run and rolled back).
 */
@Component
public class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final String MULTI_INSTANCE = "#multiInstanceBody";
    private static final int CHUNK = 500;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ActingAs acting;
    private final MigrationRecords records;
    private final TransactionTemplate transactions;

    Migrations(RepositoryService repository, RuntimeService runtime, ManagementService management, ActingAs acting,
               MigrationRecords records, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.acting = acting;
        this.records = records;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The plan, its cases and the check of them. */
    private record Prepared(MigrationCheck check, MigrationPlan plan, List<String> instanceIds) {
    }

    /** The dry run: nothing changes, whatever it finds. */
    public MigrationCheck check(String sourceDefinitionId, CurrentUser owner) {
        return prepare(sourceDefinitionId, owner).check();
    }

    /**
     * Checks again (never trusting an earlier page) and starts the batch.
     *
     * @return the id of the recorded migration
     * @throws MigrationRefusedException when the check finds a problem; nothing is migrated
     */
    public long start(String sourceDefinitionId, CurrentUser owner) {
        Prepared prepared = prepare(sourceDefinitionId, owner);
        MigrationCheck check = prepared.check();
        if (!check.allowed()) {
            log.warn("Migration of {} version {} by {} refused: {}", check.key(), check.sourceVersion(), owner.id(),
                    check.problems());
            throw new MigrationRefusedException(check);
        }
        long id = transactions.execute(status -> {
            Batch batch = acting.run(owner.id(), owner.groups(), () -> runtime.newMigration(prepared.plan())
                    .processInstanceIds(prepared.instanceIds()).executeAsync());
            return records.add(check, batch.getId(), prepared.instanceIds(), owner.id());
        });
        log.info("Migration {}: {} moves {} cases of {} from version {} to version {} (tag {})", id, owner.id(),
                check.cases(), check.key(), check.sourceVersion(), check.targetVersion(), check.targetVersionTag());
        return id;
    }

    public Optional<MigrationReport> report(long id) {
        return records.find(id).map(m -> {
            Batch batch = management.createBatchQuery().batchId(m.batchId()).singleResult();
            BatchStatistics stats = management.createBatchStatisticsQuery().batchId(m.batchId()).singleResult();
            List<String> failures = new ArrayList<>();
            if (batch != null) {
                management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withException().list()
                        .forEach(job -> failures.add("job " + job.getId() + " (" + job.getRetries() + " retries left): "
                                + job.getExceptionMessage()));
            }
            Set<String> cases = new HashSet<>(records.cases(id));
            return new MigrationReport(m.id(), m.key(), m.sourceVersion(), m.targetVersion(), m.batchId(), m.cases(),
                    m.requestedBy(), m.requestedAt(), batch == null,
                    stats == null ? 0 : stats.getRemainingJobs(), stats == null ? 0 : stats.getCompletedJobs(),
                    stats == null ? 0 : stats.getFailedJobs(),
                    countOn(cases, m.targetDefinitionId()), countOn(cases, m.sourceDefinitionId()), failures);
        });
    }

    /** The latest migrations, newest first. */
    public List<MigrationReport> recent() {
        return records.latestIds(10).stream().map(this::report).flatMap(Optional::stream).toList();
    }

    private long countOn(Set<String> cases, String definitionId) {
        return cases.isEmpty() ? 0 : runtime.createProcessInstanceQuery().processInstanceIds(cases)
                .processDefinitionId(definitionId).count();
    }

    private Prepared prepare(String sourceDefinitionId, CurrentUser owner) {
        ProcessDefinition source = sourceDefinitionId == null || sourceDefinitionId.isBlank() ? null
                : repository.createProcessDefinitionQuery().processDefinitionId(sourceDefinitionId).singleResult();
        if (source == null) {
            throw new InvalidInputException("sourceDefinitionId", "is not a deployed process version");
        }
        ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(source.getKey())
                .latestVersion().singleResult();
        if (target.getId().equals(source.getId())) {
            throw new InvalidInputException("sourceDefinitionId", "is already the latest version of " + source.getKey());
        }
        Map<String, String> cases = new LinkedHashMap<>();
        runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).orderByProcessInstanceId().asc().list()
                .forEach(p -> cases.put(p.getId(), label(p)));
        List<String> ids = List.copyOf(cases.keySet());

        List<String> problems = new ArrayList<>();
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                    .updateEventTriggers().build();
        } catch (MigrationPlanValidationException e) {
            e.getValidationReport().getInstructionReports().forEach(r -> problems.add("instruction "
                    + instruction(r.getMigrationInstruction()) + ": " + String.join("; ", r.getFailures())));
            e.getValidationReport().getVariableReports().forEach((name, r) -> problems.add("variable '" + name + "': "
                    + String.join("; ", r.getFailures())));
            return new Prepared(check(source, target, List.of(), ids.size(), problems), null, ids);
        }
        Set<String> mapped = new HashSet<>();
        plan.getInstructions().forEach(i -> mapped.add(i.getSourceActivityId()));
        unmappedWaits(source, mapped, problems);
        lostVariables(ids, cases, mapped, problems);
        if (problems.isEmpty()) {
            ids.forEach(id -> dryRun(plan, id, cases.get(id), owner).ifPresent(problems::add));
        }
        List<String> instructions = plan.getInstructions().stream().map(Migrations::instruction).sorted().toList();
        return new Prepared(check(source, target, instructions, ids.size(), problems), plan, ids);
    }

    /** Activities where cases wait now that no instruction maps: their cases could not be moved. */
    private void unmappedWaits(ProcessDefinition source, Set<String> mapped, List<String> problems) {
        for (ActivityStatistics waiting : management.createActivityStatisticsQuery(source.getId()).list()) {
            if (waiting.getInstances() > 0 && !covered(waiting.getId(), mapped)) {
                problems.add("activity " + named(source, waiting.getId()) + ": " + waiting.getInstances()
                        + " case(s) wait here and the new version has no activity with this id to take them");
            }
        }
    }

    /** Variables held by a scope (a sub-process, a multi-instance) the plan does not map: they would be dropped. */
    private void lostVariables(List<String> ids, Map<String, String> cases, Set<String> mapped, List<String> problems) {
        Map<String, Integer> lost = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
            for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(chunk).list()) {
                String scope = activityOf(v.getActivityInstanceId());
                if (scope != null && !v.getActivityInstanceId().equals(v.getProcessInstanceId())
                        && !covered(scope, mapped)) {
                    lost.merge("variable '" + v.getName() + "' of activity " + scope, 1, Integer::sum);
                }
            }
        }
        lost.forEach((what, count) -> problems.add(what + " would be lost in " + count + " case(s)"));
    }

    /** Camunda's own per-case validation: the case is migrated inside a transaction that is always rolled back. */
    private Optional<String> dryRun(MigrationPlan plan, String instanceId, String label, CurrentUser owner) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            try {
                acting.run(owner.id(), owner.groups(), () -> {
                    runtime.newMigration(plan).processInstanceIds(instanceId).execute();
                    return null;
                });
                return Optional.<String>empty();
            } catch (MigratingProcessInstanceValidationException e) {
                return Optional.of("case " + label + ": " + describe(e.getValidationReport()));
            } catch (ProcessEngineException e) {
                return Optional.of("case " + label + ": " + e.getMessage());
            }
        });
    }

    private static String describe(MigratingProcessInstanceValidationReport report) {
        List<String> reasons = new ArrayList<>(report.getFailures());
        report.getActivityInstanceReports().forEach(r -> reasons.add("activity " + r.getSourceScopeId() + ": "
                + String.join("; ", r.getFailures())));
        report.getTransitionInstanceReports().forEach(r -> reasons.add("activity " + r.getSourceScopeId()
                + " (asynchronous continuation): " + String.join("; ", r.getFailures())));
        return String.join("; ", reasons);
    }

    private MigrationCheck check(ProcessDefinition source, ProcessDefinition target, List<String> mapped, int cases,
                                 List<String> problems) {
        return new MigrationCheck(source.getKey(), source.getId(), source.getVersion(), target.getId(),
                target.getVersion(), target.getVersionTag(), mapped, cases, List.copyOf(problems));
    }

    private String named(ProcessDefinition definition, String activityId) {
        FlowElement element = repository.getBpmnModelInstance(definition.getId()).getModelElementById(activityId);
        return element == null || element.getName() == null ? activityId : activityId + " (" + element.getName() + ")";
    }

    private static boolean covered(String activityId, Set<String> mapped) {
        return mapped.contains(activityId) || mapped.contains(activityId.replace(MULTI_INSTANCE, ""));
    }

    /** Activity instance ids of scopes read "{activityId}:{id}"; the process's own is its instance id. */
    private static String activityOf(String activityInstanceId) {
        int colon = activityInstanceId == null ? -1 : activityInstanceId.lastIndexOf(':');
        return colon <= 0 ? null : activityInstanceId.substring(0, colon);
    }

    private static String instruction(MigrationInstruction i) {
        return i.getSourceActivityId() + " -> " + i.getTargetActivityId();
    }

    private static String label(ProcessInstance instance) {
        return instance.getBusinessKey() == null ? instance.getId() : instance.getBusinessKey() + " (" + instance.getId() + ")";
    }
}
