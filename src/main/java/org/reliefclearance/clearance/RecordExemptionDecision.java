package org.reliefclearance.clearance;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.exemption.ExemptionDecision;
import org.reliefclearance.exemption.Exemptions;
import org.springframework.stereotype.Component;

/** Task_RecordExemptionDecision: stores Customs HQ's waiver and the amount it comes to. */
@Component("recordExemptionDecision")
class RecordExemptionDecision implements JavaDelegate {

    private final Exemptions exemptions;

    RecordExemptionDecision(Exemptions exemptions) {
        this.exemptions = exemptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = Vars.CONSIGNMENT_REFERENCE.get(execution);
        BigDecimal waived = exemptions.record(reference, Vars.EXEMPTION_DECISION.require(execution),
                Vars.WAIVED_VALUE_USD.get(execution));

        Vars.WAIVED_VALUE_USD.set(execution, waived);
    }
}
