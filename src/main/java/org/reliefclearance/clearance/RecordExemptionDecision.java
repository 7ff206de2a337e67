package org.reliefclearance.clearance;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.review.ReviewOutcomes;
import org.springframework.stereotype.Component;

/**
 * Stores the customs duty and tax waiver: FULL waives the value of every releasable line,
 * PARTIAL the value customs entered, NONE nothing.
 */
@Component("recordExemptionDecision")
class RecordExemptionDecision implements JavaDelegate {

    static final String FULL = "FULL";
    static final String PARTIAL = "PARTIAL";

    private final ConsignmentMilestones milestones;
    private final ConsignmentRepository consignments;
    private final ReviewOutcomes reviews;

    RecordExemptionDecision(ConsignmentMilestones milestones, ConsignmentRepository consignments,
                            ReviewOutcomes reviews) {
        this.milestones = milestones;
        this.consignments = consignments;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(Vars.CONSIGNMENT_REFERENCE);
        String decision = (String) execution.getVariable(Vars.EXEMPTION_DECISION);
        BigDecimal waived = switch (decision) {
            case FULL -> reviews.releasableValue(reference);
            case PARTIAL -> amount(execution.getVariable(Vars.WAIVED_VALUE_USD));
            default -> BigDecimal.ZERO;
        };

        milestones.exemptionDecided(reference, decision, waived);
        consignments.addEvent(reference, Actors.SYSTEM, "EXEMPTION_RECORDED", null,
                decision + " exemption, USD " + waived.toPlainString() + " waived");

        execution.setVariable(Vars.WAIVED_VALUE_USD, waived.doubleValue());
    }

    /** Form numbers arrive as Integer, Long or Double. */
    static BigDecimal amount(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("A partial exemption needs the waived value");
        }
        return new BigDecimal(value.toString());
    }
}
