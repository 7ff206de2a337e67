package org.reliefclearance.clearance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.CaseLines;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.ReferenceGenerator;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.exemption.ExemptionDecision;
import org.reliefclearance.exemption.Exemptions;
import org.reliefclearance.review.ReviewOutcomes;
import org.reliefclearance.review.ReviewOutcomes.LineState;
import org.springframework.stereotype.Component;

/**
 * A release note for the lines the port cleared: a unique release number per port, written on each
 * of them. The case is RELEASED when no line waits any more, PARTIALLY_RELEASED while some do.
 */
@Component("issueReleaseNote")
class IssueReleaseNote implements JavaDelegate {

    private final ReferenceGenerator references;
    private final ConsignmentMilestones milestones;
    private final ConsignmentRepository consignments;
    private final ReviewOutcomes reviews;
    private final CaseLines caseLines;
    private final Exemptions exemptions;

    IssueReleaseNote(ReferenceGenerator references, ConsignmentMilestones milestones,
                     ConsignmentRepository consignments, ReviewOutcomes reviews, CaseLines caseLines,
                     Exemptions exemptions) {
        this.exemptions = exemptions;
        this.references = references;
        this.milestones = milestones;
        this.consignments = consignments;
        this.reviews = reviews;
        this.caseLines = caseLines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = Vars.CONSIGNMENT_REFERENCE.get(execution);
        consignments.lockForUpdate(reference);
        Map<ConsignmentLine, LineState> states = reviews.lineStates(reference);
        List<Integer> cleared = Vars.LINE_NUMBERS_TO_RELEASE.require(execution);
        List<ConsignmentLine> ready = states.entrySet().stream()
                .filter(e -> e.getValue() == LineState.READY && cleared.contains(e.getKey().lineNo()))
                .map(Map.Entry::getKey).toList();
        if (ready.isEmpty()) {
            throw new IllegalStateException(reference + " has no line ready to release");
        }
        boolean othersWait = states.entrySet().stream().anyMatch(e -> e.getValue() == LineState.AWAITING_REVIEW
                || e.getValue() == LineState.READY && !ready.contains(e.getKey()));

        String releaseNumber = references.nextReleaseNumber(Vars.PORT_CODE.get(execution));
        OffsetDateTime releasedAt = milestones.released(reference, releaseNumber,
                ready.stream().map(ConsignmentLine::lineNo).toList(),
                Boolean.TRUE.equals(Vars.RELEASE_BEFORE_DECLARATION.get(execution)),
                othersWait ? ConsignmentStatus.PARTIALLY_RELEASED : ConsignmentStatus.RELEASED);
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.RELEASED, null,
                "Release note " + releaseNumber + " issued at " + releasedAt + " for lines "
                        + ReleasePlan.describe(ready) + (othersWait ? "; other lines still wait" : ""));

        ExemptionDecision exemption = Vars.EXEMPTION_DECISION.get(execution);
        if (exemption != null) {
            exemptions.settle(reference, exemption, Vars.WAIVED_VALUE_USD.get(execution));
        }
        Vars.RELEASE_NUMBER.set(execution, releaseNumber);
        Vars.LINES.set(execution, caseLines.variable(
                consignments.lines(consignments.findByReference(reference).orElseThrow().id())));
    }
}
