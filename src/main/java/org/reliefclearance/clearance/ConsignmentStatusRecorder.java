package org.reliefclearance.clearance;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.modelguard.ModelBean;
import org.springframework.stereotype.Component;

/**
 * Status changes and timeline entries written from the model itself, e.g.
 * {@code ${consignmentStatus.set(execution, 'UNDER_REVIEW')}} on a flow or event, so that a
 * new wait state in the BPMN needs no new Java.
 */
@ModelBean
@Component("consignmentStatus")
public class ConsignmentStatusRecorder {

    private final ConsignmentRepository consignments;
    private final ConsignmentMilestones milestones;
    private final IdentityService identity;

    ConsignmentStatusRecorder(ConsignmentRepository consignments, ConsignmentMilestones milestones,
                              IdentityService identity) {
        this.consignments = consignments;
        this.milestones = milestones;
        this.identity = identity;
    }

    public void set(DelegateExecution execution, String status) {
        set(execution, status, null);
    }

    /** Sets the status and adds a timeline entry named after it, with the reason as detail. */
    public void set(DelegateExecution execution, String status, String reason) {
        ConsignmentStatus newStatus = ConsignmentStatus.valueOf(status);
        String reference = reference(execution);
        consignments.updateStatus(reference, newStatus, reason);
        consignments.addEvent(reference, Actors.current(identity, null), newStatus.name(), null, reason);
    }

    /** A timeline entry without a status change (e.g. a deadline passed). */
    public void record(DelegateExecution execution, String eventType, String detail) {
        consignments.addEvent(reference(execution), Actors.current(identity, null), eventType, null, detail);
    }

    /** The goods are at the port: arrival time, status ARRIVED, reported by whom the message names. */
    public void arrived(DelegateExecution execution) {
        String reference = reference(execution);
        Object arrivedBy = execution.getVariable(ClearanceProcess.Vars.ARRIVED_BY);
        String actor = arrivedBy == null ? Actors.current(identity, null) : arrivedBy.toString();
        milestones.arrived(reference);
        consignments.updateStatus(reference, ConsignmentStatus.ARRIVED, null);
        consignments.addEvent(reference, actor, ConsignmentStatus.ARRIVED.name(), null, "Arrival reported");
    }

    private static String reference(DelegateExecution execution) {
        return (String) execution.getVariable(ClearanceProcess.Vars.CONSIGNMENT_REFERENCE);
    }
}
