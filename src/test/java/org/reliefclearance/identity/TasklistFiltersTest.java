package org.reliefclearance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared Tasklist filters: soonest due first, overdue work apart, and cards that name the case. */
@ServiceTest
class TasklistFiltersTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ClearanceCases cases;

    @AfterEach
    void signedOut() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void anOfficialSeesTheSoonestDueFirstAndTheOverdueApart() {
        Task later = endorsementDueIn(instance(), 3);
        Task sooner = endorsementDueIn(instance(), 1);
        Task overdue = endorsementDueIn(instance(), -1);

        engine.getIdentityService().setAuthentication("molsw", List.of("molsw-officers"));
        List<String> mine = engine.getFilterService().<Task>list(filter(TasklistFilters.GROUP_TASKS)).stream()
                .map(Task::getId).filter(id -> List.of(later.getId(), sooner.getId(), overdue.getId()).contains(id))
                .toList();
        List<String> late = engine.getFilterService().<Task>list(filter(TasklistFilters.OVERDUE)).stream()
                .map(Task::getId).toList();

        assertThat(mine).containsExactly(overdue.getId(), sooner.getId(), later.getId());
        assertThat(late).contains(overdue.getId()).doesNotContain(sooner.getId(), later.getId());
    }

    @Test
    void dueTodayAndEmergencyWorkHaveTheirOwnFilters() {
        Task later = endorsementDueIn(instance(), 3);
        Task overdue = endorsementDueIn(instance(), -1);
        Task emergency = endorsementDueIn(instance(), 3);
        emergency.setPriority(TasklistFilters.EMERGENCY_PRIORITY);
        engine.getTaskService().saveTask(emergency);

        engine.getIdentityService().setAuthentication("molsw", List.of("molsw-officers"));
        List<String> today = engine.getFilterService().<Task>list(filter(TasklistFilters.DUE_TODAY)).stream()
                .map(Task::getId).toList();
        List<String> urgent = engine.getFilterService().<Task>list(filter(TasklistFilters.URGENT)).stream()
                .map(Task::getId).toList();

        assertThat(today).contains(overdue.getId()).doesNotContain(later.getId(), emergency.getId());
        assertThat(urgent).contains(emergency.getId()).doesNotContain(later.getId(), overdue.getId());
    }

    @Test
    void cardsNameTheCase() {
        Filter group = engine.getFilterService().getFilter(filter(TasklistFilters.GROUP_TASKS));
        @SuppressWarnings("unchecked")
        List<Map<String, String>> variables = (List<Map<String, String>>) group.getProperties().get("variables");

        assertThat(variables).extracting(v -> v.get("name")).contains("consignmentReference", "organisationName",
                "portName", "expectedArrival");
    }

    private ProcessInstance instance() {
        return cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
    }

    private Task endorsementDueIn(ProcessInstance instance, int days) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ClearanceProcess.Elements.ENDORSE_REQUEST).singleResult();
        task.setDueDate(Date.from(Instant.now().plus(days, ChronoUnit.DAYS)));
        engine.getTaskService().saveTask(task);
        return task;
    }

    private String filter(String name) {
        return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
    }
}
