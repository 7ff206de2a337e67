package org.reliefclearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reliefclearance.enginetuning.JobsByDueDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile on a real PostgreSQL (.ci/run provides it; run with -Ppostgres-tests):
 * Flyway tables, webapps, health, the administrator from configuration, and no demo users.
 */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${PG_TEST_URL:jdbc:postgresql://127.0.0.1:5432/relief_clearance_test}",
        "spring.datasource.username=${PG_TEST_USER:relief}",
        "spring.datasource.password=${PG_TEST_PASSWORD:relief_ci_password}",
        "relief.admin.password=" + PostgresApplicationTest.ADMIN_PASSWORD,
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class PostgresApplicationTest {

    static final String ADMIN_PASSWORD = "Str0ng-relief-passphrase";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    JobsByDueDate jobsByDueDate;

    private static final String PROBE = "postgres-probe";

    @Test
    void runsOnPostgresql() {
        String product = jdbc.sql("select version()").query(String.class).single();
        assertThat(product).startsWith("PostgreSQL");
        WebappChecks.assertServiceAnswers(http);
    }

    @Test
    void flywayCreatedTheApplicationTables() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_name in
                  ('official_group', 'port', 'authority', 'organisation', 'consignment', 'consignment_line',
                   'authority_review', 'consignment_event', 'consignment_document', 'emergency')""")
                .query(String.class).list();
        assertThat(tables).hasSize(10);
        Integer failed = jdbc.sql("select count(*) from flyway_schema_history where not success")
                .query(Integer.class).single();
        assertThat(failed).isZero();
        assertThat(jdbc.sql("select count(*) from port").query(Integer.class).single()).isPositive();
    }

    @Test
    void productionProfileHasTheConfiguredAdministratorAndNoDemoUsers() {
        assertThat(identity.checkPassword("admin", ADMIN_PASSWORD)).isTrue();
        assertThat(identity.createUserQuery().userId("molsw").count()).isZero();
        assertThat(WebappChecks.login(http, "molsw", "demo").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(identity.createGroupQuery().groupId("moh-fdd").count()).isOne();
    }

    /**
     * The groups holding grants, which Camunda reads at every command of a signed-in caller, are read
     * by walking the group index (enginetuning/task-authorization.xml) and are the groups Camunda's
     * own statement finds. Here, not in a class of its own: a second class with this configuration
     * would share its Spring context with tests that run after the cluster tests reset the database.
     */
    @Test
    void theGroupsHoldingGrantsAreReadThroughTheIndexAndAreCamundasOwn() {
        org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration =
                (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDbSqlSessionFactory().getStatementMappings()).containsEntry(
                "selectAuthorizedGroupIds", "org.reliefclearance.enginetuning.TaskAuthorization.selectAuthorizedGroupIdsByIndex");

        List<String> camundas = jdbc.sql("select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION where GROUP_ID_ is not null")
                .query(String.class).list();
        assertThat(camundas).isNotEmpty();
        List<String> asked = new java.util.ArrayList<>(camundas);
        asked.add("a-group-without-grants");
        List<String> filtered = configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(asked));
        assertThat(filtered).containsExactlyInAnyOrderElementsOf(camundas);
    }

    /**
     * Due jobs are acquired by due date through the service's index on Camunda's job table, and a job
     * a node of an earlier release left without a due date is dated by the sweep (enginetuning/JobsByDueDate).
     */
    @Test
    void theJobTableHasItsDueDateIndexAndUndatedJobsAreDated() {
        assertThat(jdbc.sql("select indexdef from pg_indexes where schemaname = current_schema()"
                + " and tablename = 'act_ru_job' and indexname = 'rc_idx_job_duedate'").query(String.class).single())
                .contains("(duedate_)");

        Deployment deployment = deploy(Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                .startEvent("Event_Started").endEvent("Event_Done").camundaAsyncBefore().done());
        try {
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE);
            Job step = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
            jdbc.sql("update ACT_RU_JOB set DUEDATE_ = null where ID_ = :id").param("id", step.getId()).update();
            assertThat(jobsByDueDate.dateUndatedJobs()).isOne();
            assertThat(engine.getManagementService().createJobQuery().jobId(step.getId()).singleResult().getDuedate())
                    .isEqualTo(step.getCreateTime());
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    /**
     * A node starting while another holds a write on the job table, as a busy cluster always does or a
     * crashed node's transaction until the database ends it, finds the due-date index in the catalogue
     * and does not wait: creating it, even "if not exists", would wait for that transaction, and queue
     * every writer of the job table behind it.
     */
    @Test
    void aNodeStartingBesideAnOpenWriteOfTheJobTableDoesNotWaitForIt() throws Exception {
        org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration =
                (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        javax.sql.DataSource dataSource = configuration.getDataSource();
        try (java.sql.Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (java.sql.Statement statement = writer.createStatement()) {
                statement.execute("lock table ACT_RU_JOB in row exclusive mode");
            }
            java.util.concurrent.CompletableFuture<Void> start = java.util.concurrent.CompletableFuture.runAsync(
                    () -> JobsByDueDate.prepare(dataSource, configuration.getDatabaseTablePrefix()));
            try {
                start.get(10, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                writer.rollback();
                start.join();
            }
        }
        assertThat(jdbc.sql("select count(*) from pg_indexes where schemaname = current_schema()"
                + " and tablename = 'act_ru_job' and indexname = 'rc_idx_job_duedate'").query(Long.class).single())
                .isOne();
    }

    /**
     * History cleanup on PostgreSQL (enginetuning/OpenCasesKeptByCleanup reads Camunda's tables with
     * its own statement): past their time to live, an ended process's history goes, a running
     * process's stays and is kept a time to live from the cleanup that found it.
     */
    @Test
    void historyCleanupRemovesWhatEndedAndKeepsWhatStillRuns() {
        Deployment deployment = deploy(Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                .startEvent("Event_Started").userTask("Task_Wait").endEvent("Event_Done").done());
        HistoryService history = engine.getHistoryService();
        try {
            ProcessInstance ended = engine.getRuntimeService().startProcessInstanceByKey(PROBE);
            engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                    .processInstanceId(ended.getId()).singleResult().getId());
            ProcessInstance running = engine.getRuntimeService().startProcessInstanceByKey(PROBE);

            Instant cleanup = Instant.now().plus(Duration.ofDays(3));
            ClockUtil.setCurrentTime(Date.from(cleanup));
            engine.getManagementService().executeJob(history.cleanUpHistoryAsync(true).getId());

            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended.getId()).count()).isZero();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ended.getId()).count()).isZero();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(running.getId()).count())
                    .isPositive();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
                    .getRemovalTime().toInstant())
                    .isBetween(cleanup.plus(Duration.ofDays(1)).minusSeconds(60), cleanup.plus(Duration.ofDays(1)).plusSeconds(60));
        } finally {
            ClockUtil.reset();
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    private Deployment deploy(BpmnModelInstance model) {
        return engine.getRepositoryService().createDeployment().addModelInstance(PROBE + ".bpmn", model).deploy();
    }
}
