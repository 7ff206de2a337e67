package org.reliefclearance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Least privilege through /engine-rest, the API Tasklist and Cockpit themselves use: a
 * ministry sees and completes only its own tasks; organisations see no official work;
 * coordinators read everything but decide nothing they are not a candidate for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class EngineRestAuthorizationTest {

    private static final String PROBE = "authorization-probe";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

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
            repository.createDeployment().addModelInstance(PROBE + ".bpmn", model).deploy();
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
    void anOrganisationSeesNoOfficialTasksAndNoProcessInstances() {
        assertThat(get("wfp", "/engine-rest/task?processInstanceId=" + instance.getId()).getBody()).isEqualTo("[]");
        assertThat(get("wfp", "/engine-rest/process-instance?processInstanceIds=" + instance.getId()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
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
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(Map.of(), headers), String.class);
    }
}
