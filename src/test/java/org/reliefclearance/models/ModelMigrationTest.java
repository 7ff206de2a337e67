package org.reliefclearance.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Running cases move to the owner's next version on the /models page: cases waiting at a ministry's
 * review and at the port are migrated in a batch and finish on the new version; a version that drops
 * the activity cases wait at is refused, naming it, and nothing moves; nobody but process owners and
 * administrators gets there, and owners cannot migrate through the engine REST API.
 */
@ServiceTest
class ModelMigrationTest {

    static final String CLEARANCE = "relief-consignment-clearance";
    static final String REVIEW = "line-ministry-review";
    static final String CLEARANCE_FILE = "bpmn/relief-consignment-clearance.bpmn";
    static final String REVIEW_FILE = "bpmn/line-ministry-review.bpmn";
    static final String CLEAR_AT_PORT = "Task_ClearAtPort";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    TestRestTemplate http;
    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClearanceCases cases;
    @Autowired
    PackagedModels packaged;

    private MockMvc browser;
    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        browser = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** The owner's versions go, with the cases that moved onto them; the packaged version is latest again. */
    @AfterEach
    void removeOwnerVersions() {
        jdbc.sql("select batch_id from model_migration").query(String.class).list().stream()
                .filter(id -> management.createBatchQuery().batchId(id).count() > 0)
                .forEach(id -> management.deleteBatch(id, true));
        Collections.reverse(deployments);
        deployments.forEach(id -> repository.deleteDeployment(id, true, true));
    }

    @Test
    void casesAtAReviewAndAtThePortMoveToTheNewVersionAndFinishOnIt() throws Exception {
        ProcessInstance atReview = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.MEDICINE));
        cases.endorse(atReview);
        ProcessInstance review = reviewOf(atReview);
        assertThat(review).isWaitingAt("Task_ReviewPermit");
        ProcessInstance atPort = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(atPort);
        cases.decideExemption(atPort, "FULL", null, null);
        cases.arrive(atPort);
        assertThat(atPort).isWaitingAt(CLEAR_AT_PORT);
        String clearanceV1 = atPort.getProcessDefinitionId();
        String reviewV1 = review.getProcessDefinitionId();

        deployOwnersVersion(ownersVersion());
        String clearanceV2 = latest(CLEARANCE);
        String reviewV2 = latest(REVIEW);
        assertThat(clearanceV2).isNotEqualTo(clearanceV1);

        String page = html(as("owner", get("/models")));
        assertThat(page).contains(clearanceV1).contains(reviewV1).contains(CLEARANCE).contains(REVIEW);

        String dryRun = html(as("owner", post("/models/check").param("sourceDefinitionId", clearanceV1)));
        assertThat(dryRun).contains("The dry run found no problem").contains(CLEAR_AT_PORT + " -&gt; " + CLEAR_AT_PORT);
        assertThat(definitionOf(atPort)).as("the dry run moves nothing").isEqualTo(clearanceV1);

        long clearanceMigration = migrate(clearanceV1);
        long reviewMigration = migrate(reviewV1);

        assertThat(definitionOf(atPort)).isEqualTo(clearanceV2);
        assertThat(definitionOf(atReview)).isEqualTo(clearanceV2);
        assertThat(definitionOf(review)).isEqualTo(reviewV2);
        // a task keeps the name it was created with; it now belongs to the new version
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(atPort.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(clearanceV2);
        String report = html(as("owner", get("/models/migrations/" + clearanceMigration)));
        assertThat(report).contains("Finished").contains("No failure.");
        assertThat(jdbc.sql("select requested_by from model_migration where id in (?, ?)")
                .params(clearanceMigration, reviewMigration).query(String.class).list()).containsOnly("owner");
        assertThat(history.createUserOperationLogQuery().operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE)
                .userId("owner").processDefinitionId(clearanceV1).count()).isPositive();

        // both go on, on the new version, to the end of the port's decision
        cases.review(atReview, "MOH_FDD", "APPROVE", null, null);
        assertThat(review).isEnded();
        cases.decideExemption(atReview, "FULL", null, null);
        cases.arrive(atReview);
        cases.clearAtPort(atReview, "RELEASE", null);
        cases.clearAtPort(atPort, "RELEASE", null);
        for (ProcessInstance migrated : List.of(atReview, atPort)) {
            assertThat(migrated).hasPassed(CLEAR_AT_PORT);
            assertThat(clearedAtPort(migrated).getProcessDefinitionId()).isEqualTo(clearanceV2);
            assertThat(cases.consignment(migrated).status()).isNotIn(ConsignmentStatus.ARRIVED,
                    ConsignmentStatus.UNDER_REVIEW);
        }
        // the port's task of the case moved at its review was created by the new version
        assertThat(clearedAtPort(atReview).getName()).isEqualTo("Clear goods at port");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(review.getId())
                .taskDefinitionKey("Task_ReviewPermit").singleResult().getProcessDefinitionId()).isEqualTo(reviewV2);
    }

    @Test
    void aVersionWithoutTheActivityCasesWaitAtIsRefusedNamingItAndNothingMoves() throws Exception {
        ProcessInstance atPort = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(atPort);
        cases.decideExemption(atPort, "FULL", null, null);
        cases.arrive(atPort);
        String clearanceV1 = atPort.getProcessDefinitionId();
        deployOwnersVersion(new OwnerModels(packaged.files()).bumpTags(".9")
                .change(CLEARANCE_FILE, bpmn -> bpmn.replace(CLEAR_AT_PORT, "Task_ClearGoodsAtPort")));
        long migrations = migrations();
        long batches = management.createBatchQuery().count();

        String dryRun = html(as("owner", post("/models/check").param("sourceDefinitionId", clearanceV1)));
        assertThat(dryRun).contains("Refused").contains("activity " + CLEAR_AT_PORT + " (Clear at port)")
                .doesNotContain("Migrate ");

        MockHttpServletResponse refused = as("owner", post("/models/migrations").param("sourceDefinitionId", clearanceV1));
        assertThat(refused.getStatus()).isEqualTo(HttpStatus.CONFLICT.value());
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains(CLEAR_AT_PORT)
                .contains("Nothing was migrated.");
        assertThat(definitionOf(atPort)).isEqualTo(clearanceV1);
        assertThat(migrations()).isEqualTo(migrations);
        assertThat(management.createBatchQuery().count()).isEqualTo(batches);
        assertThat(atPort).isWaitingAt(CLEAR_AT_PORT);
    }

    @Test
    void anUnknownVersionIsBadInputNamingTheField() throws Exception {
        MockHttpServletResponse bad = as("owner", post("/models/check").param("sourceDefinitionId", "no-such:1:x"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(bad.getContentAsString()).contains("\"field\":\"sourceDefinitionId\"");

        MockHttpServletResponse latest = as("owner", post("/models/migrations")
                .param("sourceDefinitionId", latest(CLEARANCE)));
        assertThat(latest.getStatus()).isEqualTo(400);
        assertThat(latest.getContentAsString()).contains("\"field\":\"sourceDefinitionId\"");
    }

    @Test
    void onlyProcessOwnersAndAdministratorsMigrateAndOwnersNotThroughTheEngineRestApi() throws Exception {
        ProcessInstance atPort = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(atPort);
        String clearanceV1 = atPort.getProcessDefinitionId();
        deployOwnersVersion(ownersVersion());
        String clearanceV2 = latest(CLEARANCE);
        long migrations = migrations();
        long batches = management.createBatchQuery().count();

        for (String user : List.of("moh", "coordinator", "molsw", "customs", "port-wattay", "wfp")) {
            assertThat(as(user, get("/models")).getStatus()).as("%s on the page", user).isEqualTo(403);
            assertThat(as(user, get("/models/export.zip")).getStatus()).as("%s export", user).isEqualTo(403);
            assertThat(as(user, post("/models/check").param("sourceDefinitionId", clearanceV1)).getStatus())
                    .as("%s dry run", user).isEqualTo(403);
            assertThat(as(user, post("/models/migrations").param("sourceDefinitionId", clearanceV1)).getStatus())
                    .as("%s migration", user).isEqualTo(403);
        }
        // the owner's own form without its CSRF token
        assertThat(browser.perform(post("/models/migrations").with(httpBasic("owner", "demo"))
                .param("sourceDefinitionId", clearanceV1)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(as("admin-for-test", get("/models")).getStatus()).isEqualTo(401);

        // the engine REST API: Camunda's migration, which checks nothing of a case's state, is not the owners'
        Map<String, Object> plan = Map.of("sourceProcessDefinitionId", clearanceV1,
                "targetProcessDefinitionId", clearanceV2, "instructions", List.of(Map.of(
                        "sourceActivityIds", List.of(CLEAR_AT_PORT), "targetActivityIds", List.of(CLEAR_AT_PORT))));
        Map<String, Object> execution = Map.of("migrationPlan", plan, "processInstanceIds", List.of(atPort.getId()));
        for (String user : List.of("owner", "coordinator", "moh")) {
            for (String operation : List.of("migration/execute", "migration/executeAsync", "migration/validate",
                    "migration/generate")) {
                Object body = operation.equals("migration/generate") ? Map.of("sourceProcessDefinitionId", clearanceV1,
                        "targetProcessDefinitionId", clearanceV2) : operation.equals("migration/validate") ? plan : execution;
                assertThat(engineRest(user, operation, body).getStatusCode()).as("%s %s", user, operation)
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
        }

        assertThat(definitionOf(atPort)).isEqualTo(clearanceV1);
        assertThat(migrations()).isEqualTo(migrations);
        assertThat(management.createBatchQuery().count()).isEqualTo(batches);
        assertThat(history.createUserOperationLogQuery().operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE)
                .processDefinitionId(clearanceV1).userId("owner").count()).isZero();
        assertThat(browser.perform(get("/models").with(httpBasic("admin", "admin"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    @Test
    void theRunningModelsExportAsTheRepositoryHoldsThem() throws Exception {
        deployOwnersVersion(ownersVersion());

        MockHttpServletResponse zip = as("owner", get("/models/export.zip"));

        assertThat(zip.getStatus()).isEqualTo(200);
        Map<String, String> files = Zips.read(zip.getContentAsByteArray());
        assertThat(files.get(CLEARANCE_FILE)).contains("Clear goods at port").contains("versionTag=\"2026.12");
        assertThat(files.get(REVIEW_FILE)).contains("Review permit and conditions");
        assertThat(files).containsKeys("forms/clear-at-port.form", "forms/review-permit.form",
                "bpmn/goods-classification.dmn", "bpmn/examination-risk.dmn");
        assertThat(files.keySet()).allMatch(name -> name.startsWith("bpmn/") || name.startsWith("forms/"));
    }

    /** The owner renames the port's and the ministry's task; every model gets a newer tag. */
    private OwnerModels ownersVersion() {
        return new OwnerModels(packaged.files()).bumpTags(".9")
                .change(CLEARANCE_FILE, bpmn -> bpmn.replace("name=\"Clear at port\"", "name=\"Clear goods at port\""))
                .change(REVIEW_FILE, bpmn -> bpmn.replace("name=\"Review permit\"", "name=\"Review permit and conditions\""));
    }

    private void deployOwnersVersion(OwnerModels models) {
        ResponseEntity<String> deployed = models.deploy(http, "owner");
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        deployments.add(OwnerModels.id(deployed));
    }

    /** Checks, migrates, runs the batch's jobs as the job executor would; the recorded migration's id. */
    private long migrate(String sourceDefinitionId) throws Exception {
        MockHttpServletResponse started = as("owner", post("/models/migrations")
                .param("sourceDefinitionId", sourceDefinitionId));
        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(302);
        long id = Long.parseLong(started.getRedirectedUrl().substring("/models/migrations/".length()));
        String batchId = jdbc.sql("select batch_id from model_migration where id = ?").param(id)
                .query(String.class).single();
        runBatch(batchId);
        return id;
    }

    private void runBatch(String batchId) {
        for (int round = 0; round < 20; round++) {
            Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                return;
            }
            List<Job> jobs = management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list();
            if (jobs.isEmpty()) {
                jobs = management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list();
            }
            if (jobs.isEmpty()) {
                jobs = management.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).list();
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("batch " + batchId + " does not finish");
    }

    private MockHttpServletResponse as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return browser.perform(request.with(httpBasic(user, "demo")).with(csrf())).andReturn().getResponse();
    }

    private String html(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private ResponseEntity<String> engineRest(String user, String operation, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/" + operation,
                new HttpEntity<>(body, headers), String.class);
    }

    private HistoricTaskInstance clearedAtPort(ProcessInstance instance) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(CLEAR_AT_PORT).singleResult();
    }

    private ProcessInstance reviewOf(ProcessInstance clearance) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(clearance.getId()).singleResult();
    }

    private String definitionOf(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getProcessDefinitionId();
    }

    private String latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId();
    }

    private long migrations() {
        return jdbc.sql("select count(*) from model_migration").query(Long.class).single();
    }
}
