package org.reliefclearance.clearance;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.modelguard.ModelBean;
import org.reliefclearance.notifications.Notices;
import org.springframework.stereotype.Component;

/**
 * Status changes and timeline entries written from the model itself, e.g.
 * {@code ${consignmentStatus.set(execution, 'UNDER_REVIEW')}} on a flow or event, so that a
 * new wait state in the BPMN needs no new Java.
 */
@ModelBean
@Component("consignmentStatus")
public class ConsignmentStatusRecorder {

    /** Waits of the exemption-and-arrival branch that do not hide ministries still reviewing. */
    private static final Set<ConsignmentStatus> BEHIND_REVIEW =
            Set.of(ConsignmentStatus.AWAITING_EXEMPTION_DECISION, ConsignmentStatus.AWAITING_ARRIVAL);

    private final ConsignmentRepository consignments;
    private final IdentityService identity;
    private final Notices notices;

    ConsignmentStatusRecorder(ConsignmentRepository consignments, IdentityService identity, Notices notices) {
        this.consignments = consignments;
        this.notices = notices;
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
        boolean behindReview = BEHIND_REVIEW.contains(newStatus)
                && consignments.findByReference(reference).orElseThrow().status() == ConsignmentStatus.UNDER_REVIEW;
        if (!behindReview) {
            consignments.updateStatus(reference, newStatus, reason);
        }
        consignments.addEvent(reference, Actors.current(identity, null), TimelineEvent.of(newStatus), null, reason);
    }

    /**
     * A timeline entry without a status change (e.g. a deadline passed).
     *
     * @param event a {@link TimelineEvent}, as a model names it
     */
    public void record(DelegateExecution execution, String event, String detail) {
        TimelineEvent recorded = TimelineEvent.valueOf(event);
        consignments.addEvent(reference(execution), Actors.current(identity, null), recorded, null, detail);
        if (recorded == TimelineEvent.DECLARATION_OVERDUE) {
            // the consignee hears of it: each passing of the deadline is its own occurrence
            notices.declarationOverdue(reference(execution), execution.getActivityInstanceId());
        }
    }

    /**
     * End of the reviews: the case now waits for what the other branch still needs, the exemption or
     * the goods (once at the port, the release steps say where it stands).
     */
    public void reviewsOver(DelegateExecution execution) {
        Consignment consignment = consignments.findByReference(reference(execution)).orElseThrow();
        if (consignment.status() != ConsignmentStatus.UNDER_REVIEW) {
            return;
        }
        ConsignmentStatus next = consignment.exemptionDecision() == null ? ConsignmentStatus.AWAITING_EXEMPTION_DECISION
                : consignment.arrivedAt() == null ? ConsignmentStatus.AWAITING_ARRIVAL : ConsignmentStatus.ARRIVED;
        consignments.updateStatus(consignment.reference(), next, null);
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
