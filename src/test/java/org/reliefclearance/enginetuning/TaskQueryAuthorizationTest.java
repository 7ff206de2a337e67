package org.reliefclearance.enginetuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task query's authorization check by lookups in the grants (README, "Performance"): the engine runs the
 * rewritten query, and the same grants decide what each caller sees as with Camunda's own check:
 * a candidate group's grant per task, a user's grant, a grant on the process definition, and a
 * revoking grant, which sends the query back to Camunda's own check.
 */
@ServiceTest
class TaskQueryAuthorizationTest {

    private static final String PROBE = "task-visibility-probe";

    @Autowired
    ProcessEngine engine;
    @Autowired
    AuthorizationService authorizations;

    private Deployment deployment;
    private final List<String> grants = new ArrayList<>();
    private final List<String> groupA = new ArrayList<>();
    private final List<String> groupB = new ArrayList<>();

    @BeforeEach
    void tasksOfTwoGroups() {
        deployment = engine.getRepositoryService().createDeployment()
                .addModelInstance(PROBE + ".bpmn", Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Probe").camundaCandidateGroups("${group}").endEvent().done())
                .deploy();
        for (int i = 0; i < 5; i++) {
            String group = i < 3 ? "probe-a" : "probe-b";
            String instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE, Map.of("group", group)).getId();
            String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
            (i < 3 ? groupA : groupB).add(task);
        }
    }

    @AfterEach
    void cleanUp() {
        engine.getIdentityService().clearAuthentication();
        grants.forEach(authorizations::deleteAuthorization);
        engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }

    @Test
    void theEngineRunsTheTaskQueryWithItsOwnCheck() {
        var sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbSqlSessionFactory();
        assertThat(sessions.mapStatement("selectTaskByQueryCriteria"))
                .isEqualTo(TaskQueryAuthorization.NAMESPACE + ".selectTaskByQueryCriteriaWithGrantLookup");
        assertThat(sessions.mapStatement("selectTaskCountByQueryCriteria"))
                .isEqualTo(TaskQueryAuthorization.NAMESPACE + ".selectTaskCountByQueryCriteriaWithGrantLookup");
    }

    /** Fails on a Camunda upgrade that changes the query: re-check the rewrite before taking it. */
    @Test
    void camundasTaskQueryHasTheShapeTheRewriteExpects() throws Exception {
        try (InputStream camunda = getClass().getClassLoader().getResourceAsStream(TaskQueryAuthorization.CAMUNDA_MAPPING)) {
            String rewritten = TaskQueryAuthorization.rewrite(camunda);
            assertThat(rewritten).doesNotContain("authCheckJoinWithoutOnClause", "AUTH.RESOURCE_ID_")
                    .contains("org.reliefclearance.enginetuning.TaskAuthorization.contextualAuthorizationCheck",
                            "selectTaskByQueryCriteriaWithGrantLookup", "selectTaskCountByQueryCriteriaWithGrantLookup");
        }
    }

    @Test
    void eachGroupSeesItsOwnTasksAndNoOther() {
        assertThat(visibleTo("probe-user", "probe-a")).containsExactlyInAnyOrderElementsOf(groupA);
        assertThat(countFor("probe-user", "probe-a")).isEqualTo(3);
        assertThat(visibleTo("probe-user", "probe-b")).containsExactlyInAnyOrderElementsOf(groupB);
        assertThat(countFor("probe-user", "probe-b")).isEqualTo(2);
        assertThat(visibleTo("probe-user", "probe-a", "probe-b")).hasSize(5);
        assertThat(visibleTo("probe-user", "probe-c")).isEmpty();
        assertThat(countFor("probe-user", "probe-c")).isZero();
        assertThat(visibleTo("probe-user")).isEmpty();
        // a page of a larger list, as Tasklist asks
        engine.getIdentityService().setAuthentication("probe-user", List.of("probe-a"));
        assertThat(engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().listPage(0, 2)).hasSize(2)
                .allSatisfy(task -> assertThat(groupA).contains(task.getId()));
    }

    @Test
    void aUsersGrantOnOneTaskShowsThatTaskToThatUserOnly() {
        grant(g -> {
            g.setUserId("probe-reader");
            g.setResource(Resources.TASK);
            g.setResourceId(groupB.get(0));
            g.addPermission(Permissions.READ);
        });
        assertThat(visibleTo("probe-reader")).containsExactly(groupB.get(0));
        assertThat(visibleTo("probe-other")).isEmpty();
    }

    @Test
    void aGrantOnTheProcessDefinitionShowsAllItsTasks() {
        grant(g -> {
            g.setGroupId("probe-supervisors");
            g.setResource(Resources.PROCESS_DEFINITION);
            g.setResourceId(PROBE);
            g.addPermission(ProcessDefinitionPermissions.READ_TASK);
        });
        assertThat(visibleTo("probe-supervisor", "probe-supervisors")).hasSize(5);
        assertThat(countFor("probe-supervisor", "probe-supervisors")).isEqualTo(5);
    }

    @Test
    void aRevokingGrantHidesTheTaskItRevokes() {
        grant(g -> {
            g.setUserId("probe-user");
            g.setResource(Resources.TASK);
            g.setResourceId(groupA.get(0));
            g.removePermission(Permissions.READ);
        }, Authorization.AUTH_TYPE_REVOKE);
        assertThat(visibleTo("probe-user", "probe-a")).containsExactlyInAnyOrder(groupA.get(1), groupA.get(2));
        assertThat(countFor("probe-user", "probe-a")).isEqualTo(2);
        // another member of the group is not concerned by it
        assertThat(visibleTo("probe-colleague", "probe-a")).containsExactlyInAnyOrderElementsOf(groupA);
    }

    private List<String> visibleTo(String user, String... groups) {
        return as(user, groups, query -> query.list().stream().map(Task::getId).toList());
    }

    private long countFor(String user, String... groups) {
        return as(user, groups, TaskQuery::count);
    }

    /** The probe's tasks as {@code user} of {@code groups} see them. */
    private <T> T as(String user, String[] groups, java.util.function.Function<TaskQuery, T> ask) {
        engine.getIdentityService().setAuthentication(user, List.of(groups));
        try {
            return ask.apply(engine.getTaskService().createTaskQuery().processDefinitionKey(PROBE));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void grant(java.util.function.Consumer<Authorization> fill) {
        grant(fill, Authorization.AUTH_TYPE_GRANT);
    }

    private void grant(java.util.function.Consumer<Authorization> fill, int type) {
        Authorization authorization = authorizations.createNewAuthorization(type);
        fill.accept(authorization);
        grants.add(authorizations.saveAuthorization(authorization).getId());
    }
}
