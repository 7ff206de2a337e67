package org.reliefclearance.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.doors.EngineClient.Door;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The task lists of both engine doors run the service's own authorization check
 * (enginetuning/TaskQueryAuthorization). A case waits for MoH, MTC and Customs HQ at once; every
 * user of every role lists tasks, counts them and asks with an OR query over the case's instances. Each sees
 * exactly the case's tasks Camunda's own permission check grants them (isUserAuthorized: READ on the
 * task or READ_TASK on its process), the count agrees with the list, and the tasks are unchanged.
 */
@ServiceTest
class TaskListDoorAttackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    ClearanceCases cases;

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void eachUserListsExactlyTheTasksGrantedToThem(Door door, String user) throws Exception {
        ProcessInstance running = caseAwaitingThreeAuthorities();
        List<Task> open = tasksOf(running);
        assertThat(open).extracting(Task::getTaskDefinitionKey).hasSizeGreaterThanOrEqualTo(3);
        Set<String> ids = new HashSet<>(open.stream().map(Task::getId).toList());
        Set<String> granted = granted(user, open);
        EngineClient client = new EngineClient(http);

        List<ResponseEntity<String>> lists = List.of(
                client.get(door, user, "task?maxResults=2000"),
                // one OR block (Camunda then left-joins what it filters on): the check must still hold
                client.post(door, user, "task?maxResults=2000", Map.of("orQueries", List.of(Map.of(
                        "processInstanceIdIn", open.stream().map(Task::getProcessInstanceId).distinct().toList(),
                        "candidateGroup", "no-such-group")))),
                client.post(door, user, "task?maxResults=2000", Map.of("processInstanceIdIn",
                        open.stream().map(Task::getProcessInstanceId).distinct().toList())));
        ResponseEntity<String> count = client.get(door, user, "task/count?processInstanceIdIn="
                + String.join(",", open.stream().map(Task::getProcessInstanceId).distinct().toList()));

        if (user.equals("wfp") || user.equals("laoredcross")) {
            // organisations have no engine access at all (README, "Doors and trust")
            lists.forEach(answer -> assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
            assertThat(count.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        } else {
            for (int i = 0; i < lists.size(); i++) {
                ResponseEntity<String> answer = lists.get(i);
                assertThat(answer.getStatusCode()).as("%s %s: %s", door, user, answer.getBody()).isEqualTo(HttpStatus.OK);
                Set<String> seen = new HashSet<>();
                JSON.readTree(answer.getBody()).forEach(task -> seen.add(task.get("id").asText()));
                seen.retainAll(ids);
                assertThat(seen).as("%s %s, query %d", door, user, i).isEqualTo(granted);
            }
            JsonNode counted = JSON.readTree(count.getBody());
            assertThat(counted.get("count").asLong()).as("%s %s count", door, user).isEqualTo(granted.size());
        }

        // listing changed nothing: the same tasks are open, none claimed
        assertThat(tasksOf(running)).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(tasksOf(running)).allSatisfy(task -> assertThat(task.getAssignee()).isNull());
    }

    /**
     * What the application adds to a form (enginedoor/CaseFactsOnForms, the case's documents) reaches
     * only a caller Camunda lets read the task: each user reads the form of every open task of the
     * case, as Tasklist does, and gets the documents on the tasks granted to them and a refusal on
     * the others; reading writes nothing.
     */
    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void eachUserIsShownTheCaseDocumentsOnlyOnTheFormsOfTasksGrantedToThem(Door door, String user) throws Exception {
        List<Task> open = tasksOf(caseAwaitingThreeAuthorities());
        Set<String> granted = granted(user, open);
        EngineClient client = new EngineClient(http);

        for (Task task : open) {
            ResponseEntity<String> form = client.get(door, user, "task/" + task.getId() + "/form-variables");
            if (granted.contains(task.getId())) {
                assertThat(form.getStatusCode()).as("%s %s %s", door, user, task.getTaskDefinitionKey())
                        .isEqualTo(HttpStatus.OK);
                assertThat(JSON.readTree(form.getBody()).path("documentsMissing").path("value").asText())
                        .contains("Import permit");
            } else {
                assertThat(form.getStatusCode()).as("%s %s %s", door, user, task.getTaskDefinitionKey())
                        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
                assertThat(form.getBody()).doesNotContain("documentsLodged", "documentsMissing");
            }
        }
        // the texts are read, never written
        assertThat(open).allSatisfy(task -> assertThat(engine.getRuntimeService().getVariables(task.getExecutionId()))
                .doesNotContainKeys("documentsLodged", "documentsMissing"));
    }

    /** Medicine and a satellite phone, endorsed: MoH, MTC and Customs HQ each have a task. */
    private ProcessInstance caseAwaitingThreeAuthorities() {
        ProcessInstance running = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.MEDICINE,
                ClearanceCases.SATELLITE_PHONE));
        cases.endorse(running);
        return running;
    }

    /** The case's open tasks, its called reviews' included. */
    private List<Task> tasksOf(ProcessInstance root) {
        List<String> instances = new ArrayList<>(List.of(root.getId()));
        engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(root.getId()).list()
                .forEach(sub -> instances.add(sub.getId()));
        return engine.getTaskService().createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list();
    }

    /** Camunda's own permission check, task by task: not the query under attack. */
    private Set<String> granted(String user, List<Task> tasks) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList();
        Set<String> granted = new HashSet<>();
        for (Task task : tasks) {
            String process = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
            if (authorizations.isUserAuthorized(user, groups, Permissions.READ, Resources.TASK, task.getId())
                    || authorizations.isUserAuthorized(user, groups, ProcessDefinitionPermissions.READ_TASK,
                            Resources.PROCESS_DEFINITION, process)) {
                granted.add(task.getId());
            }
        }
        return granted;
    }
}
