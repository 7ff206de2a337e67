package org.reliefclearance.clearance;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.modelguard.ModelBean;
import org.reliefclearance.review.ReviewOutcomes;
import org.springframework.stereotype.Component;

/**
 * End of a hand-off to the customs system ({@code ${customsDeclarations.recorded(execution)}}): the
 * declaration, procedure and release order customs answered go on the release and the timeline, in the
 * transaction that completes the external task, so they are written exactly once.
 */
@ModelBean
@Component("customsDeclarations")
public class CustomsDeclarations {

    private final ConsignmentMilestones milestones;
    private final ConsignmentRepository consignments;
    private final ReviewOutcomes reviews;

    CustomsDeclarations(ConsignmentMilestones milestones, ConsignmentRepository consignments, ReviewOutcomes reviews) {
        this.reviews = reviews;
        this.milestones = milestones;
        this.consignments = consignments;
    }

    public void recorded(DelegateExecution execution) {
        if (execution.isCanceled()) {
            // refused (the boundary error ended the task) or the case ended: nothing was declared
            return;
        }
        String reference = Vars.CONSIGNMENT_REFERENCE.get(execution);
        String releaseNumber = Vars.RELEASE_NUMBER.get(execution);
        String declaration = Vars.CUSTOMS_DECLARATION_NUMBER.get(execution);
        String detail;
        if (declaration == null) {
            detail = "Release " + releaseNumber + " recorded for the customs system to collect";
        } else {
            String procedure = Vars.CUSTOMS_PROCEDURE_CODE.get(execution);
            String releaseOrder = Vars.CUSTOMS_RELEASE_ORDER.get(execution);
            milestones.declaredByCustoms(releaseNumber, declaration, procedure, releaseOrder);
            detail = "Release " + releaseNumber + " declared by customs: declaration " + declaration + " (" + procedure
                    + "), release order " + releaseOrder;
        }
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.HANDED_OVER_TO_CUSTOMS, null, detail);
        // only now, declared by customs (or kept for it to collect), do the lines show as released
        consignments.updateStatus(reference, ReleasePlan.linesStillWait(reviews.lineStates(reference))
                ? ConsignmentStatus.PARTIALLY_RELEASED : ConsignmentStatus.RELEASED, null);
        // the next release's hand-off starts from a clean answer
        for (var answer : List.of(Vars.CUSTOMS_DECLARATION_NUMBER, Vars.CUSTOMS_PROCEDURE_CODE,
                Vars.CUSTOMS_RELEASE_ORDER)) {
            execution.removeVariable(answer.name());
        }
    }
}
