package org.reliefclearance.clearance;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.exemption.Exemptions;
import org.reliefclearance.exemption.Tax;
import org.springframework.stereotype.Component;

/** Task_RecordExemptionDecision: stores Customs HQ's waiver per line and tax, and the amount it comes to. */
@Component("recordExemptionDecision")
class RecordExemptionDecision implements JavaDelegate {

    private final Exemptions exemptions;

    RecordExemptionDecision(Exemptions exemptions) {
        this.exemptions = exemptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Integer> lines = Vars.EXEMPTED_LINES.get(execution);
        List<String> taxes = Vars.EXEMPTED_TAXES.get(execution);
        BigDecimal waived = exemptions.record(Vars.CONSIGNMENT_REFERENCE.get(execution),
                Vars.EXEMPTION_DECISION.require(execution), Vars.EXEMPTION_LEGAL_BASIS.get(execution),
                lines == null ? List.of() : lines,
                taxes == null ? List.of() : taxes.stream().map(Tax::valueOf).toList(),
                Vars.WAIVED_VALUE_USD.get(execution));

        Vars.WAIVED_VALUE_USD.set(execution, waived);
    }
}
