package org.reliefclearance.clearance;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.TimelineEvent;
import org.springframework.stereotype.Component;

/**
 * The consignee withdrew the notification. Runs in the withdrawing user's transaction (not async)
 * so the timeline names who withdrew.
 */
@Component("recordWithdrawal")
class RecordWithdrawal implements JavaDelegate {

    private final ConsignmentRepository consignments;
    private final IdentityService identity;

    RecordWithdrawal(ConsignmentRepository consignments, IdentityService identity) {
        this.consignments = consignments;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ClearanceProcess.Vars.CONSIGNMENT_REFERENCE.get(execution);
        String reason = ClearanceProcess.Vars.WITHDRAWAL_REASON.get(execution);
        String text = reason == null ? "Withdrawn by the consignee" : reason;

        consignments.updateStatus(reference, ConsignmentStatus.WITHDRAWN, text);
        consignments.addEvent(reference, Actors.current(identity, null), TimelineEvent.WITHDRAWN, null, text);
    }
}
