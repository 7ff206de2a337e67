package org.reliefclearance.clearance;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.CaseLines;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.documents.DocumentsOnForms;
import org.reliefclearance.screening.ConsignmentClassification;
import org.springframework.stereotype.Component;

/** Business rule task: every line through goods-classification; the ministries to ask follow. */
@Component("classifyConsignmentLines")
class ClassifyConsignmentLines implements JavaDelegate {

    private final ConsignmentClassification classification;
    private final CaseLines caseLines;
    private final DocumentsOnForms documents;
    private final ConsignmentRepository consignments;

    ClassifyConsignmentLines(ConsignmentClassification classification, CaseLines caseLines, DocumentsOnForms documents,
                             ConsignmentRepository consignments) {
        this.documents = documents;
        this.consignments = consignments;
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
        // what the forms show of the documents, once the rules have said which the goods need
        execution.setVariables(documents.texts(consignments.findByReference(Vars.CONSIGNMENT_REFERENCE.get(execution))
                .orElseThrow()));
    }
}
