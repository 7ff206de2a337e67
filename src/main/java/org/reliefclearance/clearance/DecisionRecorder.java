package org.reliefclearance.clearance;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentRepository;
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

    public void record(DelegateTask task, String eventType, String decisionVariable, String reasonVariable) {
        Object decision = task.getVariable(decisionVariable);
        Object reason = reasonVariable == null ? null : task.getVariable(reasonVariable);
        String detail = decision == null ? "" : decision.toString();
        if (reason != null && !reason.toString().isBlank()) {
            detail = detail + ": " + reason;
        }
        String reference = (String) task.getVariable(ClearanceProcess.Vars.CONSIGNMENT_REFERENCE);
        consignments.addEvent(reference, Actors.current(identity, task.getAssignee()), eventType, null,
                truncate(detail));
    }

    private static String truncate(String detail) {
        return detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }
}
