package org.reliefclearance.clearance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.CaseLines;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.exemption.Exemptions;
import org.reliefclearance.screening.ConsignmentClassification;
import org.springframework.stereotype.Component;

/**
 * Task_ClassifyAmendedLines: the changed and new lines through the goods rules again. Before the
 * endorsement the reviews have not started, so the case's own list of authorities changes; after it,
 * only the authorities of the amended lines review again ({@code amendedAuthorities}, local to the
 * amendment). A prohibited line is refused from the case.
 */
@Component("classifyAmendedLines")
class ClassifyAmendedLines implements JavaDelegate {

    private static final Set<ConsignmentStatus> BEFORE_REVIEWS =
            Set.of(ConsignmentStatus.NOTIFIED, ConsignmentStatus.AWAITING_ENDORSEMENT);

    private final ConsignmentClassification classification;
    private final ConsignmentRepository consignments;
    private final CaseLines caseLines;
    private final Exemptions exemptions;

    ClassifyAmendedLines(ConsignmentClassification classification, ConsignmentRepository consignments,
                         CaseLines caseLines, Exemptions exemptions) {
        this.classification = classification;
        this.consignments = consignments;
        this.caseLines = caseLines;
        this.exemptions = exemptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = Vars.CONSIGNMENT_REFERENCE.get(execution);
        List<Integer> amended = Vars.AMENDED_LINES.require(execution);
        execution.removeVariable(Vars.AMENDED_LINES.name());

        ConsignmentClassification.Outcome outcome = classification.classify(reference, amended);
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        DelegateExecution processInstance = execution.getProcessInstance();
        if (BEFORE_REVIEWS.contains(consignment.status())) {
            Set<String> all = new LinkedHashSet<>();
            outcome.lines().stream().filter(l -> !"REJECTED".equals(l.reviewStatus()))
                    .map(ConsignmentLine::authorities).forEach(all::addAll);
            Vars.REQUIRED_AUTHORITIES.set(processInstance, List.copyOf(all));
            Vars.PERMITS_REQUIRED.set(processInstance, !all.isEmpty());
            execution.setVariableLocal(Vars.AMENDED_AUTHORITIES.name(), List.of());
        } else {
            execution.setVariableLocal(Vars.AMENDED_AUTHORITIES.name(), outcome.requiredAuthorities());
        }
        exemptions.extendToAmendedLines(reference, amended);
        Vars.LINES.set(processInstance, caseLines.variable(outcome.lines()));
    }
}
