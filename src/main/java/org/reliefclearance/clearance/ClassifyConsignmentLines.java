package org.reliefclearance.clearance;

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
                classification.classify(Vars.CONSIGNMENT_REFERENCE.get(execution));

        Vars.REQUIRED_AUTHORITIES.set(execution, outcome.requiredAuthorities());
        Vars.PERMITS_REQUIRED.set(execution, !outcome.requiredAuthorities().isEmpty());
        Vars.HAS_PROHIBITED_LINES.set(execution, outcome.prohibited());
        Vars.ALL_LINES_PROHIBITED.set(execution, outcome.allProhibited());
        Vars.PROHIBITION_REASON.set(execution, outcome.prohibitionReason());
        Vars.HAS_DUTIABLE_LINES.set(execution, outcome.dutiableLines());
        Vars.LINES.set(execution, caseLines.variable(outcome.lines()));
    }
}
