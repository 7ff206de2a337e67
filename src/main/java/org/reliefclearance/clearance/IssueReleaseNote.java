package org.reliefclearance.clearance;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.ReferenceGenerator;
import org.reliefclearance.consignment.TimelineEvent;
import org.springframework.stereotype.Component;

/** Release on arrival: a unique release number per port, status RELEASED. */
@Component("issueReleaseNote")
class IssueReleaseNote implements JavaDelegate {

    private final ReferenceGenerator references;
    private final ConsignmentMilestones milestones;
    private final ConsignmentRepository consignments;

    IssueReleaseNote(ReferenceGenerator references, ConsignmentMilestones milestones,
                     ConsignmentRepository consignments) {
        this.references = references;
        this.milestones = milestones;
        this.consignments = consignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ClearanceProcess.Vars.CONSIGNMENT_REFERENCE.get(execution);
        String releaseNumber = references.nextReleaseNumber(ClearanceProcess.Vars.PORT_CODE.get(execution));

        OffsetDateTime releasedAt = milestones.released(reference, releaseNumber);
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.RELEASED, null,
                "Release note " + releaseNumber + " issued at " + releasedAt);

        ClearanceProcess.Vars.RELEASE_NUMBER.set(execution, releaseNumber);
    }
}
