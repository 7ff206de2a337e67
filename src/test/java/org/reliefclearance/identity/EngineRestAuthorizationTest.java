package org.reliefclearance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.WebappChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Least privilege through /engine-rest, the API Tasklist and Cockpit themselves use: a
 * ministry sees and completes only its own tasks; organisations see no official work;
 * coordinators read everything but decide nothing they are not a candidate for; process owners
 * retry failed steps but neither decide nor change a case; the administrator may do everything.
 */
@ServiceTest
class EngineRestAuthorizationTest {

    private static final String PROBE = "authorization-probe";
    /** A step that runs as a job (asynchronous continuation), so it can fail and be retried. */
    private static final String RETRY_PROBE = "authorization-retry-probe";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    IdentityService identity;

    private ProcessInstance instance;
    private Task mohTask;
    private Task mtcTask;

    @BeforeEach
    void startCaseWithOneTaskPerMinistry() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                    .startEvent().parallelGateway("Gateway_Split")
                    .userTask("Task_HealthReview").camundaCandidateGroups("moh-fdd").endEvent()
                    .moveToNode("Gateway_Split")
                    .userTask("Task_TelecomReview").camundaCandidateGroups("mtc").endEvent()
                    .done();
            BpmnModelInstance retried = Bpmn.createExecutableProcess(RETRY_PROBE).camundaHistoryTimeToLive(1)
                    .startEvent().userTask("Task_AfterRetry").camundaAsyncBefore().camundaCandidateGroups("moh-fdd")
                    .endEvent().done();
            repository.createDeployment().addModelInstance(PROBE + ".bpmn", model)
                    .addModelInstance(RETRY_PROBE + ".bpmn", retried).deploy();
        }
        instance = runtime.startProcessInstanceByKey(PROBE);
        mohTask = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_HealthReview")
                .singleResult();
        mtcTask = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_TelecomReview")
                .singleResult();
    }

    @Test
    void aMinistrySeesOnlyItsOwnTasks() {
        String moh = get("moh", "/engine-rest/task?processInstanceId=" + instance.getId()).getBody();
        assertThat(moh).contains(mohTask.getId()).doesNotContain(mtcTask.getId());
        String mtc = get("mtc", "/engine-rest/task?processInstanceId=" + instance.getId()).getBody();
        assertThat(mtc).contains(mtcTask.getId()).doesNotContain(mohTask.getId());
    }

    @Test
    void aMinistryCannotCompleteAnotherMinistrysTask() {
        ResponseEntity<String> attempt = post("moh", "/engine-rest/task/" + mtcTask.getId() + "/complete");
        assertThat(attempt.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(mtcTask.getId()).count()).isOne();
    }

    @Test
    void aMinistryCompletesItsOwnTask() {
        ResponseEntity<String> done = post("moh", "/engine-rest/task/" + mohTask.getId() + "/complete");
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(mohTask.getId()).count()).isZero();
    }

    @Test
    void anOrganisationIsRefusedAtTheEngineDoorWhateverItAsks() {
        // organisations use the portal or /api; the engine REST API answers them nothing at all
        assertThat(get("wfp", "/engine-rest/task?processInstanceId=" + instance.getId()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("wfp", "/engine-rest/process-instance?processInstanceIds=" + instance.getId()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("wfp", "/engine-rest/process-definition").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("wfp", "/engine-rest/task/" + mohTask.getId() + "/complete").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aCoordinatorReadsEveryCaseButCannotDecideForAMinistry() {
        String seen = get("coordinator", "/engine-rest/task?processInstanceId=" + instance.getId()).getBody();
        assertThat(seen).contains(mohTask.getId()).contains(mtcTask.getId());
        assertThat(get("coordinator", "/engine-rest/process-instance?processInstanceIds=" + instance.getId()).getBody())
                .contains(instance.getId());
        assertThat(post("coordinator", "/engine-rest/task/" + mohTask.getId() + "/complete").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> cancel = http.withBasicAuth("coordinator", "demo").exchange(
                "/engine-rest/process-instance/" + instance.getId(), HttpMethod.DELETE, null, String.class);
        assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isOne();
    }

    @Test
    void onlyProcessOwnersDeploy() {
        assertThat(get("owner", "/engine-rest/deployment?nameLike=%25").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("moh", "/engine-rest/deployment").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("wfp", "/engine-rest/deployment").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void candidatesMayWorkOnTheirTaskButNotRewriteIt() {
        Authorization grant = authorizations.createAuthorizationQuery().groupIdIn("moh-fdd")
                .resourceType(Resources.TASK).resourceId(mohTask.getId()).singleResult();
        assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();

        ResponseEntity<String> rewrite = put("moh", "/engine-rest/task/" + mohTask.getId(),
                Map.of("name", "Approved already", "priority", 100));
        assertThat(rewrite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Task unchanged = tasks.createTaskQuery().taskId(mohTask.getId()).singleResult();
        assertThat(unchanged.getName()).isEqualTo(mohTask.getName());
        assertThat(unchanged.getPriority()).isEqualTo(mohTask.getPriority());

        assertThat(post("moh", "/engine-rest/task/" + mohTask.getId() + "/claim", Map.of("userId", "moh"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(mohTask.getId()).singleResult().getAssignee()).isEqualTo("moh");
    }

    @Test
    void aProcessOwnerSeesAndRetriesAFailedStep() {
        ProcessInstance failing = runtime.startProcessInstanceByKey(RETRY_PROBE);
        Job job = management.createJobQuery().processInstanceId(failing.getId()).singleResult();
        // the step failed for good: no retries left, an incident for Cockpit
        management.setJobRetries(job.getId(), 0);

        assertThat(get("owner", "/engine-rest/incident?processInstanceId=" + failing.getId()).getBody())
                .contains("\"configuration\":\"" + job.getId() + "\"");
        assertThat(inCockpit("owner", "/camunda/api/cockpit/plugin/base/default/incident?processInstanceIdIn="
                + failing.getId()).getBody()).contains(failing.getId(), "failedJob");
        assertThat(get("owner", "/engine-rest/job?noRetriesLeft=true&processInstanceId="
                + failing.getId()).getBody()).contains(job.getId());

        ResponseEntity<String> retried = put("owner", "/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 1));

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(failing.getId()).count()).isZero();
        assertThat(put("moh", "/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 5)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(1);
    }

    @Test
    void aProcessOwnerNeitherDecidesForAMinistryNorChangesACase() {
        String path = "/engine-rest/process-instance/" + instance.getId();

        assertThat(post("owner", "/engine-rest/task/" + mohTask.getId() + "/complete").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("owner", "/engine-rest/task/" + mohTask.getId() + "/claim", Map.of("userId", "owner"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("owner", path + "/modification", Map.of("instructions",
                List.of(Map.of("type", "cancel", "activityId", "Task_HealthReview")))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("owner", path + "/variables", Map.of("modifications",
                Map.of("reviewDecision", Map.of("value", "APPROVED")))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("owner", path + "/suspended", Map.of("suspended", true)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("owner", "demo").exchange(path, HttpMethod.DELETE, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).list()).extracting(Task::getId)
                .containsExactlyInAnyOrder(mohTask.getId(), mtcTask.getId());
        assertThat(tasks.createTaskQuery().taskId(mohTask.getId()).singleResult().getAssignee()).isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).active().count()).isOne();
        assertThat(runtime.getVariables(instance.getId())).isEmpty();
    }

    @Test
    void processOwnersWorkInCockpitNotTasklist() {
        assertThat(WebappChecks.login(http, "owner", "demo", "cockpit").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(WebappChecks.login(http, "owner", "demo", "tasklist").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(WebappChecks.login(http, "owner", "demo", "admin").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theAdministratorCreatesUsersAndUsesEveryWebapp() {
        String id = "created-by-admin-" + System.nanoTime();
        Map<String, Object> user = Map.of(
                "profile", Map.of("id", id, "firstName", "Dara", "lastName", "Vong", "email", "dara@example.org"),
                "credentials", Map.of("password", "Str0ng-first-passphrase"));
        try {
            assertThat(postAs("moh", "demo", "/engine-rest/user/create", user).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(identity.createUserQuery().userId(id).count()).isZero();

            assertThat(postAs("admin", "admin", "/engine-rest/user/create", user).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(identity.createUserQuery().userId(id).count()).isOne();
            for (String app : List.of("admin", "cockpit", "tasklist")) {
                ResponseEntity<String> login = WebappChecks.login(http, "admin", "admin", app);
                assertThat(login.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
                assertThat(login.getBody()).as(app).contains("\"userId\":\"admin\"");
            }
        } finally {
            identity.deleteUser(id);
        }
    }

    @Test
    void wrongOrMissingCredentialsAreRefused() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("moh", "not-the-password").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String user, String path) {
        return post(user, path, Map.of());
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        return postAs(user, "demo", path, body);
    }

    private ResponseEntity<String> postAs(String user, String password, String path, Object body) {
        return http.withBasicAuth(user, password).postForEntity(path, json(body), String.class);
    }

    /** GET as Cockpit does it, in a webapp session of {@code user}. */
    private ResponseEntity<String> inCockpit(String user, String path) {
        ResponseEntity<String> login = WebappChecks.login(http, user, "demo", "cockpit");
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders headers = new HttpHeaders();
        headers.put(HttpHeaders.COOKIE, login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.split(";", 2)[0]).toList());
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> put(String user, String path, Object body) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, json(body), String.class);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
