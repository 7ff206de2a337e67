package org.reliefclearance.clearance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.exemption.DutiesAndTaxes;
import org.reliefclearance.exemption.Exemptions;
import org.reliefclearance.modelguard.ModelBean;
import org.springframework.stereotype.Component;

/**
 * Start of Task_DecideExemption ({@code ${exemptionProposal.propose(execution)}}): what the releasable
 * lines would pay without an exemption, per tax, for Customs HQ to see and to cap a partial waiver.
 */
@ModelBean
@Component("exemptionProposal")
public class ExemptionProposal {

    private final Exemptions exemptions;

    ExemptionProposal(Exemptions exemptions) {
        this.exemptions = exemptions;
    }

    public void propose(DelegateExecution execution) {
        DutiesAndTaxes forgone = exemptions.forgoneByFullExemption(Vars.CONSIGNMENT_REFERENCE.get(execution));
        Vars.DUTIES_AND_TAXES_USD.set(execution, forgone.total());
        Vars.DUTIES_AND_TAXES_DETAIL.set(execution, forgone.describe());
    }
}
