package org.reliefclearance.clearance;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.CaseLines;
import org.reliefclearance.screening.ConsignmentClassification;
import org.springframework.stereotype.Component;

/** Business rule task: every line through goods-classification; the ministries to ask follow. */
@Component("classifyConsignmentLines")
class ClassifyConsignmentLines implements JavaDelegate {

    private final ConsignmentClassification classification;
    private final CaseLines caseLines;

    ClassifyConsignmentLines(ConsignmentClassification classification, CaseLines caseLines) {
        this.classification = classification;
        this.caseLines = caseLines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsignmentClassification.Outcome outcome =
                classification.classify((String) execution.getVariable(Vars.CONSIGNMENT_REFERENCE));

        execution.setVariable(Vars.REQUIRED_AUTHORITIES, new ArrayList<>(outcome.requiredAuthorities()));
        execution.setVariable(Vars.PERMITS_REQUIRED, !outcome.requiredAuthorities().isEmpty());
        execution.setVariable(Vars.HAS_PROHIBITED_LINES, outcome.prohibited());
        execution.setVariable(Vars.PROHIBITION_REASON, outcome.prohibitionReason());
        execution.setVariable(Vars.HAS_DUTIABLE_LINES, outcome.dutiableLines());
        execution.setVariable(Vars.LINES, caseLines.variable(outcome.lines()));
    }
}
