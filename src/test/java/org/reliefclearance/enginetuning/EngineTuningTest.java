package org.reliefclearance.enginetuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The engine as tuned for throughput (README, "Performance"): history level {@code audit-trail}
 * keeps every task's and activity's history, candidate groups, the last value of each variable,
 * who did what and each job that ran, but not the per-update copies of variables or the creation of
 * jobs; no CMMN, no tasks outside a process.
 */
@ServiceTest
class EngineTuningTest {

    private static final String PROBE = "history-probe";

    @Autowired
    ProcessEngine engine;
    @Autowired
    HistoryService history;
    @Autowired
    JobsByDueDate jobsByDueDate;
    @Autowired
    BackgroundJobPriority backgroundJobPriority;

    private Deployment deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void theEngineRunsAtTheAuditTrailLevel() {
        assertThat(engine.getManagementService().getHistoryLevel()).isEqualTo(AuditTrailHistoryLevel.ID);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo("audit-trail");
        assertThat(configuration.isCmmnEnabled()).isFalse();
        assertThat(configuration.isStandaloneTasksEnabled()).isFalse();
        assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("auto");
    }

    @Test
    void decisionsParseFeelOnce() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        // the model guard's engine (plain data only) is the one that parses once
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedFeelEngine.class);
    }

    /**
     * A database an earlier release wrote at {@code full} is moved to {@code audit-trail} before the
     * engine compares levels (it would refuse to start); a database at any other level is left to the
     * engine's own refusal.
     */
    @Test
    void aDatabaseWrittenAtFullIsMovedToTheAuditTrailLevel() {
        javax.sql.DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try {
            jdbc.sql("update ACT_GE_PROPERTY set VALUE_ = '3' where NAME_ = 'historyLevel'").update();
            HistoryLevelPlugin.fromFull(dataSource, "");
            assertThat(storedLevel(jdbc)).isEqualTo("30");

            jdbc.sql("update ACT_GE_PROPERTY set VALUE_ = '2' where NAME_ = 'historyLevel'").update();
            HistoryLevelPlugin.fromFull(dataSource, "");
            assertThat(storedLevel(jdbc)).as("audit is not full: the engine refuses it").isEqualTo("2");

            HistoryLevelPlugin.fromFull(dataSource, "NO_SUCH_");
            assertThat(storedLevel(jdbc)).as("no engine tables under that prefix: nothing to move").isEqualTo("2");
        } finally {
            jdbc.sql("update ACT_GE_PROPERTY set VALUE_ = '30' where NAME_ = 'historyLevel'").update();
        }
    }

    private static String storedLevel(JdbcClient jdbc) {
        return jdbc.sql("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'").query(String.class).single();
    }

    @Test
    void aTaskOutsideAProcessIsRefused() {
        long tasks = engine.getTaskService().createTaskQuery().count();
        Task task = engine.getTaskService().newTask();
        task.setName("Standalone");
        assertThatThrownBy(() -> engine.getTaskService().saveTask(task)).isInstanceOf(ProcessEngineException.class);
        assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(tasks);
    }

    @Test
    void historyKeepsTasksActivitiesGroupsLastValuesAndWhoDidWhatButNotEveryUpdate() {
        deploy(Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                .startEvent("Event_Started")
                .userTask("Task_Decide").camundaCandidateGroups("molsw-officers")
                .endEvent("Event_Done").camundaAsyncBefore()
                .done());
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE, "RC-PROBE-1",
                Map.of("decision", "PENDING"));
        engine.getRuntimeService().setVariable(instance.getId(), "decision", "DRAFT");
        engine.getRuntimeService().setVariable(instance.getId(), "decision", "ENDORSED");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        engine.getIdentityService().setAuthentication("molsw", List.of("molsw-officers"));
        try {
            engine.getTaskService().complete(task.getId());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        Job end = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        engine.getManagementService().executeJob(end.getId());

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count())
                .isOne();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list())
                .extracting(HistoricActivityInstance::getActivityId)
                .containsExactlyInAnyOrder("Event_Started", "Task_Decide", "Event_Done");
        HistoricTaskInstance decided = history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
        assertThat(decided.getEndTime()).isNotNull();
        assertThat(decided.getDeleteReason()).isEqualTo("completed");
        assertThat(history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list())
                .extracting(HistoricIdentityLinkLog::getGroupId).contains("molsw-officers");
        assertThat(history.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
                .extracting(UserOperationLogEntry::getUserId).containsOnly("molsw");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("decision").singleResult().getValue()).isEqualTo("ENDORSED");

        // the end event's job ran once, on one node
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId()).successLog().count())
                .isOne();
        // what level full would add: three copies of the variable, and the job's creation
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId()).creationLog().count())
                .isZero();
    }

    /**
     * Due jobs are acquired oldest first through the due-date index, so an asynchronous step is due
     * when created, no command takes a due date away, and a job an earlier release left without a
     * due date is due since its creation.
     */
    @Test
    void everyJobIsDueFromItsCreationAndAcquiredByDueDate() throws java.sql.SQLException {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
        assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
        assertThat(jdbc().sql("select count(*) from INFORMATION_SCHEMA.INDEXES where INDEX_NAME = :name")
                .param("name", JobsByDueDate.INDEX).query(Long.class).single()).isOne();

        deploy(Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                .startEvent("Event_Started").endEvent("Event_Done").camundaAsyncBefore().done());
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE);
        Job step = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(step.getDuedate()).as("due when created").isCloseTo(step.getCreateTime(), 1000);

        // nobody takes the due date away, an administrator neither: the job would never run
        assertThatThrownBy(() -> engine.getManagementService().setJobDuedate(step.getId(), null))
                .isInstanceOf(AuthorizationException.class).hasMessageStartingWith("duedate");
        assertThat(engine.getManagementService().createJobQuery().jobId(step.getId()).singleResult().getDuedate())
                .isEqualTo(step.getDuedate());

        // a start finds the index in the catalogue, or adds it where missing
        jdbc().sql("update ACT_RU_JOB set DUEDATE_ = null where ID_ = :id").param("id", step.getId()).update();
        jdbc().sql("drop index " + JobsByDueDate.INDEX).update();
        assertThat(indexed(configuration)).isFalse();
        JobsByDueDate.prepare(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
        assertThat(engine.getManagementService().createJobQuery().jobId(step.getId()).singleResult().getDuedate())
                .isEqualTo(step.getCreateTime());
        assertThat(indexed(configuration)).isTrue();
    }

    private static boolean indexed(ProcessEngineConfigurationImpl configuration) throws java.sql.SQLException {
        try (java.sql.Connection connection = configuration.getDataSource().getConnection()) {
            return JobsByDueDate.indexed(connection, configuration.getDatabaseTablePrefix());
        }
    }

    /**
     * During a rolling upgrade a node of an earlier release creates jobs without a due date; no
     * upgraded node acquires them until the sweep dates them.
     */
    @Test
    void aJobAnEarlierReleaseCreatedWithoutADueDateIsDatedByTheSweepAndAcquired() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        deploy(Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                .startEvent("Event_Started").endEvent("Event_Done").camundaAsyncBefore().done());
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE);
        Job step = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        jdbc().sql("update ACT_RU_JOB set DUEDATE_ = null where ID_ = :id").param("id", step.getId()).update();

        assertThat(acquirableJobIds(configuration)).as("undated: not acquired").doesNotContain(step.getId());
        assertThat(jobsByDueDate.dateUndatedJobs()).isOne();
        assertThat(engine.getManagementService().createJobQuery().jobId(step.getId()).singleResult().getDuedate())
                .isEqualTo(step.getCreateTime());
        assertThat(acquirableJobIds(configuration)).contains(step.getId());
        assertThat(jobsByDueDate.dateUndatedJobs()).as("nothing left to date").isZero();
    }

    /**
     * A step that collided with another change to its case is tried again at once, and spends no try;
     * any other failure, or a second collision, waits out the retry cycle's delay. The engine's
     * failed-job command is given each failure as its failed-job listener would.
     */
    @Test
    void aStepThatCollidedIsRetriedAtOnceAndAFailingOneAfterItsRetryDelay() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        deploy(Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                .startEvent("Event_Started").endEvent("Event_Done").camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R5/PT10M").done());
        String collided = stepOfNewProbe();
        String failed = stepOfNewProbe();
        Date inNineMinutes = new Date(System.currentTimeMillis() + 9 * 60_000);

        failWith(configuration, collided, new OptimisticLockingException("ENGINE-03005 updated by another transaction"));
        failWith(configuration, failed, new IllegalStateException("the customs system did not answer"));

        Job retried = engine.getManagementService().createJobQuery().jobId(collided).singleResult();
        assertThat(retried.getRetries()).as("R5, none spent").isEqualTo(5);
        assertThat(retried.getDuedate()).as("due at once").isBefore(new Date(System.currentTimeMillis() + 1000));
        Job waiting = engine.getManagementService().createJobQuery().jobId(failed).singleResult();
        assertThat(waiting.getRetries()).isEqualTo(4);
        assertThat(waiting.getDuedate()).as("due after the cycle's delay").isAfter(inNineMinutes);

        failWith(configuration, collided, new OptimisticLockingException("ENGINE-03005 updated by another transaction"));
        assertThat(engine.getManagementService().createJobQuery().jobId(collided).singleResult().getDuedate())
                .as("a second collision waits").isAfter(inNineMinutes);

        assertThat(Collision.isCollision(new ProcessEngineException("flush failed",
                new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(Collision.isCollision(new ProcessEngineException("flush failed",
                new SQLException("duplicate key", "23505")))).isFalse();
    }

    /**
     * The job executor's threads yield to requests: Java's lowest priority, which Linux is told as a
     * higher nice value (a smaller share of a busy core) than a request's thread gets.
     */
    @Test
    void theJobExecutorsThreadsYieldToRequests() throws Exception {
        // the job executor's pool as the starter creates it (the tests run no job executor of their own)
        ThreadPoolTaskExecutor jobThreads = (ThreadPoolTaskExecutor) backgroundJobPriority
                .postProcessBeforeInitialization(new ThreadPoolTaskExecutor(), JobQueueHandOff.POOL);
        assertThat(jobThreads.getThreadPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")), "Linux tells each thread its nice value");
        int request = niceOf(Thread::new);
        int job = niceOf(jobThreads::createThread);
        assertThat(job).isGreaterThan(request);
    }

    @Test
    void aPriorityAboveTheRequestsIsRefusedAtStart() {
        assertThatThrownBy(() -> new BackgroundJobPriority(Thread.NORM_PRIORITY + 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("relief.jobs.thread-priority");
        assertThatThrownBy(() -> new BackgroundJobPriority(0)).isInstanceOf(IllegalStateException.class);
    }

    private static int niceOf(Function<Runnable, Thread> threads) throws InterruptedException {
        AtomicReference<Object> nice = new AtomicReference<>();
        Thread thread = threads.apply(() -> {
            try {
                // the command name (field 2) is in parentheses and may hold spaces; nice is field 19
                String stat = Files.readString(Path.of("/proc/thread-self/stat"));
                nice.set(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19 - 3]));
            } catch (IOException | RuntimeException e) {
                nice.set(e);
            }
        });
        thread.start();
        thread.join();
        assertThat(nice.get()).isInstanceOf(Integer.class);
        return (Integer) nice.get();
    }

    /** A list or a rule's result kept as a variable is JSON, never a serialised Java object. */
    @Test
    void objectsAreStoredAsJsonNotAsSerialisedJava() {
        deploy(Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                .startEvent("Event_Started").userTask("Task_Wait").endEvent("Event_Done").done());
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE,
                Map.of("requiredAuthorities", new ArrayList<>(List.of("MOH_FDD", "MTC"))));

        ObjectValue stored = engine.getRuntimeService().getVariableTyped(instance.getId(), "requiredAuthorities", false);
        assertThat(stored.getSerializationDataFormat()).isEqualTo("application/json");
        assertThat(stored.getValueSerialized()).isEqualTo("[\"MOH_FDD\",\"MTC\"]");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "requiredAuthorities"))
                .isEqualTo(List.of("MOH_FDD", "MTC"));
    }

    private String stepOfNewProbe() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE);
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult()
                .getId();
    }

    private static void failWith(ProcessEngineConfigurationImpl configuration, String jobId, Throwable failure) {
        configuration.getCommandExecutorTxRequired()
                .execute(context -> configuration.getFailedJobCommandFactory().getCommand(jobId, failure).execute(context));
    }

    private List<String> acquirableJobIds(ProcessEngineConfigurationImpl configuration) {
        return configuration.getCommandExecutorTxRequired().execute(context -> context.getJobManager()
                .findNextJobsToExecute(new Page(0, 100)).stream().map(AcquirableJobEntity::getId).toList());
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
    }

    @Test
    void failuresIncidentsAndDecisionsStayInTheHistory() {
        AuditTrailHistoryLevel level = new AuditTrailHistoryLevel();
        assertThat(List.of(HistoryEventTypes.JOB_FAIL, HistoryEventTypes.EXTERNAL_TASK_FAIL,
                HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_RESOLVE,
                HistoryEventTypes.DMN_DECISION_EVALUATE, HistoryEventTypes.USER_OPERATION_LOG,
                HistoryEventTypes.IDENTITY_LINK_ADD, HistoryEventTypes.IDENTITY_LINK_DELETE,
                HistoryEventTypes.TASK_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE))
                .allMatch(type -> level.isHistoryEventProduced(type, null));
    }

    private void deploy(BpmnModelInstance model) {
        deployment = engine.getRepositoryService().createDeployment().addModelInstance(PROBE + ".bpmn", model)
                .deploy();
    }
}
