package org.reliefclearance.clearance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.screening.ExaminationRisk;
import org.springframework.stereotype.Component;

/** Business rule task: recommends release on arrival or a physical examination to the port officer. */
@Component("assessExaminationRisk")
class AssessExaminationRisk implements JavaDelegate {

    private final ExaminationRisk risk;

    AssessExaminationRisk(ExaminationRisk risk) {
        this.risk = risk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ExaminationRisk.Assessment assessment = risk.assess((String) execution.getVariable(Vars.CONSIGNMENT_REFERENCE));

        execution.setVariable(Vars.EXAMINATION_RECOMMENDED, assessment.examinationRecommended());
        execution.setVariable(Vars.RISK_REASON, assessment.reason());
    }
}
