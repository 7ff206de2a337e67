package org.reliefclearance.doors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything an attack could have changed about one case: the consignment row, its reviews and
 * timeline, and in the engine its instances, where they wait, their variables, and its tasks with
 * their assignees and candidates. Two snapshots equal means nothing changed.
 */
record CaseState(Map<String, Object> consignment, List<Map<String, Object>> reviews,
                 List<Map<String, Object>> timeline, List<String> instances, List<String> tasks) {

    static CaseState of(String reference, JdbcClient jdbc, ProcessEngine engine) {
        Map<String, Object> consignment = new TreeMap<>(jdbc.sql("""
                select organisation_code, port_code, status, status_reason, exemption_decision, waived_value,
                       release_number, released_at, arrived_at, updated_at
                from consignment where reference = ?""").param(reference).query().singleRow());
        List<Map<String, Object>> reviews = jdbc.sql("""
                select r.authority_code, r.status, r.due_at, r.decided_by, r.reason, r.escalated
                from authority_review r join consignment c on c.id = r.consignment_id
                where c.reference = ? order by r.authority_code""").param(reference).query().listOfRows();
        List<Map<String, Object>> timeline = jdbc.sql("""
                select e.event_type, e.actor, e.authority_code, e.detail
                from consignment_event e join consignment c on c.id = e.consignment_id
                where c.reference = ? order by e.id""").param(reference).query().listOfRows();

        List<String> instances = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).orderByProcessInstanceId().asc().list()) {
            instances.add(instance.getId() + " suspended=" + instance.isSuspended() + " at "
                    + engine.getRuntimeService().getActiveActivityIds(instance.getId()).stream().sorted().toList()
                    + " " + new TreeMap<>(engine.getRuntimeService().getVariables(instance.getId())));
            for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .orderByTaskId().asc().list()) {
                List<String> links = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                        .map(CaseState::link).sorted().toList();
                tasks.add(task.getTaskDefinitionKey() + " " + task.getId() + " assignee=" + task.getAssignee()
                        + " owner=" + task.getOwner() + " due=" + task.getDueDate() + " " + links
                        + " " + new TreeMap<>(engine.getTaskService().getVariablesLocal(task.getId())));
            }
        }
        return new CaseState(consignment, reviews, timeline, instances, tasks);
    }

    private static String link(IdentityLink link) {
        return link.getType() + ":" + (link.getGroupId() != null ? "group " + link.getGroupId() : "user " + link.getUserId());
    }
}
