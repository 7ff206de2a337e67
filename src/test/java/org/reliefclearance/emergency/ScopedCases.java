package org.reliefclearance.emergency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.NewConsignment;
import org.reliefclearance.review.LineMinistryReview;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Consignments bound for a given province, with a Food and Drug Department review started directly
 * (as the clearance process's call activity would), and what the tests read of them.
 */
final class ScopedCases {

    private final ConsignmentRegistration registration;
    private final ConsignmentRepository consignments;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcClient jdbc;

    ScopedCases(ConsignmentRegistration registration, ConsignmentRepository consignments, RuntimeService runtime,
                TaskService tasks, ManagementService management, JdbcClient jdbc) {
        this.registration = registration;
        this.consignments = consignments;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.jdbc = jdbc;
    }

    /** A medicine consignment to {@code province} under review by MOH_FDD, waiting at Task_ReviewPermit. */
    ProcessInstance reviewedIn(String province) {
        Consignment c = registration.store(new NewConsignment("WFP", "WATTAY", province,
                OffsetDateTime.of(2026, 8, 12, 8, 0, 0, 0, ZoneOffset.UTC), "AIR_WAYBILL", "176-" + System.nanoTime(),
                "ECHO", false, List.of(new NewConsignment.Line("Oral rehydration salts", "300490", "MEDICINE",
                        new BigDecimal("100"), "CTN", new BigDecimal("2500.00"), new BigDecimal("300")))), "wfp");
        ConsignmentLine line = consignments.lines(c.id()).get(0);
        consignments.classifyLine(line.id(), "PERMIT_REQUIRED", List.of("MOH_FDD"));
        ProcessInstance review = runtime.startProcessInstanceByKey(LineMinistryReview.KEY, c.reference(),
                Variables.createVariables()
                        .putValue(LineMinistryReview.Vars.CONSIGNMENT_REFERENCE.name(), c.reference())
                        .putValue(LineMinistryReview.Vars.AUTHORITY.name(), "MOH_FDD"));
        management.executeJob(job(review, LineMinistryReview.Elements.PREPARE_REVIEW).getId());
        return review;
    }

    Job job(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    Instant due(ProcessInstance instance, String activityId) {
        return job(instance, activityId).getDuedate().toInstant();
    }

    Task task(ProcessInstance instance, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    }

    Instant reviewRowDue(ProcessInstance review) {
        return jdbc.sql("""
                select r.due_at from authority_review r join consignment c on c.id = r.consignment_id
                where c.reference = ? and r.authority_code = 'MOH_FDD'""").param(review.getBusinessKey())
                .query(OffsetDateTime.class).single().toInstant();
    }

    List<String> timeline(String reference, String eventType) {
        return jdbc.sql("""
                select e.detail from consignment_event e join consignment c on c.id = e.consignment_id
                where c.reference = ? and e.event_type = ? order by e.id""").params(reference, eventType)
                .query(String.class).list();
    }

    String emergencyOf(String reference) {
        return jdbc.sql("select emergency_code from consignment where reference = ?").param(reference)
                .query(String.class).optional().orElse(null);
    }

    void removeReviews() {
        runtime.createProcessInstanceQuery().processDefinitionKey(LineMinistryReview.KEY).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test over"));
    }
}
