package org.reliefclearance.screening;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.springframework.stereotype.Service;

/**
 * Physical examination only by exception: the {@code examination-risk} decision recommends one;
 * the port officer decides and must give a reason.
 */
@Service
public class ExaminationRisk {

    private final DecisionService decisions;
    private final ConsignmentRepository consignments;
    private final ConsignmentMilestones milestones;

    ExaminationRisk(DecisionService decisions, ConsignmentRepository consignments, ConsignmentMilestones milestones) {
        this.decisions = decisions;
        this.consignments = consignments;
        this.milestones = milestones;
    }

    public record Assessment(boolean examinationRecommended, String reason) {
    }

    public Assessment assess(String reference) {
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        List<ConsignmentLine> lines = consignments.lines(consignment.id());
        boolean firstConsignment = milestones.releasedCount(consignment.organisationCode()) == 0;
        boolean dutiable = lines.stream().anyMatch(l -> GoodsClassification.DUTIABLE.equals(l.treatment()));
        BigDecimal total = lines.stream().map(ConsignmentLine::valueUsd).reduce(BigDecimal.ZERO, BigDecimal::add);

        DmnDecisionResult result = decisions.evaluateDecisionByKey(ClearanceProcess.Decisions.EXAMINATION_RISK)
                .variables(Variables.createVariables()
                        .putValue("firstConsignment", firstConsignment)
                        .putValue("hasDutiableLines", dutiable)
                        .putValue("totalValueUsd", total.doubleValue()))
                .evaluate();
        Map<String, Object> row = result.getSingleResult().getEntryMap();
        Assessment assessment = new Assessment(Boolean.TRUE.equals(row.get("examinationRecommended")),
                (String) row.get("riskReason"));

        consignments.addEvent(reference, Actors.SYSTEM, "RISK_ASSESSED", null,
                (assessment.examinationRecommended() ? "Examination recommended: " : "Release recommended: ")
                        + assessment.reason());
        return assessment;
    }
}
