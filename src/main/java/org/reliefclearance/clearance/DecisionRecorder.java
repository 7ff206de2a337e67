package org.reliefclearance.clearance;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.modelguard.ModelBean;
import org.springframework.stereotype.Component;

/**
 * Task listener on complete: who decided what and why, in the consignment's timeline, e.g.
 * {@code ${decisionRecorder.record(task, 'ENDORSEMENT_DECIDED', 'endorsementDecision', 'endorsementReason')}}.
 */
@ModelBean
@Component("decisionRecorder")
public class DecisionRecorder {

    private final ConsignmentRepository consignments;
    private final IdentityService identity;

    DecisionRecorder(ConsignmentRepository consignments, IdentityService identity) {
        this.consignments = consignments;
        this.identity = identity;
    }

    /**
     * @param event            a {@link TimelineEvent}, as a model names it
     * @param decisionVariable the variable holding the decision (a choice of the process's contract)
     * @param reasonVariable   the variable holding the reason, or null
     */
    public void record(DelegateTask task, String event, String decisionVariable, String reasonVariable) {
        Object decision = task.getVariable(decisionVariable);
        Object reason = reasonVariable == null ? null : task.getVariable(reasonVariable);
        String detail = decision == null ? "" : decision.toString();
        if (reason != null && !reason.toString().isBlank()) {
            detail = detail + ": " + reason;
        }
        String reference = ClearanceProcess.Vars.CONSIGNMENT_REFERENCE.get(task);
        consignments.addEvent(reference, Actors.current(identity, task.getAssignee()), TimelineEvent.valueOf(event),
                null, truncate(detail));
    }

    private static String truncate(String detail) {
        return detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }
}
