package org.reliefclearance.clearance;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.TimelineEvent;
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
    private final IdentityService identity;

    ConsignmentStatusRecorder(ConsignmentRepository consignments, IdentityService identity) {
        this.consignments = consignments;
        this.identity = identity;
    }

    public void set(DelegateExecution execution, String status) {
        set(execution, status, null);
    }

    /**
     * Sets the status and adds a timeline entry named after it, with the reason as detail.
     *
     * @param status a {@link ConsignmentStatus}, as a model names it
     */
    public void set(DelegateExecution execution, String status, String reason) {
        ConsignmentStatus newStatus = ConsignmentStatus.valueOf(status);
        String reference = reference(execution);
        consignments.updateStatus(reference, newStatus, reason);
        consignments.addEvent(reference, Actors.current(identity, null), TimelineEvent.of(newStatus), null, reason);
    }

    /**
     * A timeline entry without a status change (e.g. a deadline passed).
     *
     * @param event a {@link TimelineEvent}, as a model names it
     */
    public void record(DelegateExecution execution, String event, String detail) {
        consignments.addEvent(reference(execution), Actors.current(identity, null), TimelineEvent.valueOf(event), null,
                detail);
    }

    /** Entering the wait for the goods: only when they have not arrived yet. */
    public void awaitingArrival(DelegateExecution execution) {
        if (!goodsArrived(reference(execution))) {
            set(execution, ConsignmentStatus.AWAITING_ARRIVAL.name());
        }
    }

    /**
     * The condition of Event_GoodsAtPort. Read from the consignment row, not from a variable the
     * engine may have cached before an arrival reported on another node was committed: the step that
     * reaches the wait has changed this row, so it waited for that report's transaction to end.
     */
    public boolean goodsArrived(String reference) {
        return consignments.findByReference(reference).orElseThrow().arrivedAt() != null;
    }

    /** The goods are at the port and the case reaches them: the arrival itself is on the timeline already. */
    public void atPort(DelegateExecution execution) {
        consignments.updateStatus(reference(execution), ConsignmentStatus.ARRIVED, null);
    }

    private static String reference(DelegateExecution execution) {
        return ClearanceProcess.Vars.CONSIGNMENT_REFERENCE.get(execution);
    }
}
