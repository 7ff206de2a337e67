package org.reliefclearance.review;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.NewConsignment;

/**
 * A consignment of three lines: 1 and 2 need the MOH_FDD permit, 3 (a satellite phone) the MTC
 * licence, 4 (tarpaulins) no permit; and reviews started directly, as the clearance process's call activity would.
 */
final class ReviewFixture {

    private final ConsignmentRegistration registration;
    private final ConsignmentRepository consignments;
    private final RuntimeService runtime;
    private final ManagementService management;

    ReviewFixture(ConsignmentRegistration registration, ConsignmentRepository consignments, RuntimeService runtime,
                  ManagementService management) {
        this.registration = registration;
        this.consignments = consignments;
        this.runtime = runtime;
        this.management = management;
    }

    Consignment consignment() {
        Consignment c = registration.store(new NewConsignment("WFP", "WATTAY", "LA-VT",
                OffsetDateTime.of(2026, 3, 10, 8, 0, 0, 0, ZoneOffset.UTC), "AWB", "176-12345675", "ECHO", false,
                List.of(line("Amoxicillin 500 mg capsules", "3004", "MEDICINE"),
                        line("Oral rehydration salts", "3004", "MEDICINE"),
                        line("Satellite phone", "8517", "TELECOM_EQUIPMENT"),
                        line("Tarpaulin 4x6 m", "3926", "SHELTER"))), "wfp");
        List<ConsignmentLine> lines = consignments.lines(c.id());
        consignments.classifyLine(lines.get(0).id(), "PERMIT_REQUIRED", List.of("MOH_FDD"));
        consignments.classifyLine(lines.get(1).id(), "PERMIT_REQUIRED", List.of("MOH_FDD"));
        consignments.classifyLine(lines.get(2).id(), "PERMIT_REQUIRED", List.of("MTC"));
        consignments.classifyLine(lines.get(3).id(), "RELIEF_EXEMPT", List.of());
        return c;
    }

    /** Starts the review and runs its first (asynchronous) step, Task_PrepareReview. */
    ProcessInstance startReview(Consignment c, String authority) {
        ProcessInstance review = runtime.startProcessInstanceByKey(LineMinistryReview.KEY, c.reference(),
                Variables.createVariables()
                        .putValue(LineMinistryReview.Vars.CONSIGNMENT_REFERENCE.name(), c.reference())
                        .putValue(LineMinistryReview.Vars.AUTHORITY.name(), authority));
        executeJob(review, LineMinistryReview.Elements.PREPARE_REVIEW);
        return review;
    }

    /** Executes the job waiting at {@code activityId} (a timer or an asynchronous continuation). */
    void executeJob(ProcessInstance instance, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        if (job == null) {
            throw new AssertionError("No job at " + activityId + " of " + instance.getBusinessKey());
        }
        management.executeJob(job.getId());
    }

    Job job(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private static NewConsignment.Line line(String description, String hsCode, String category) {
        return new NewConsignment.Line(description, hsCode, category, new BigDecimal("100"), "CTN",
                new BigDecimal("2500.00"), new BigDecimal("300"));
    }

    static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
