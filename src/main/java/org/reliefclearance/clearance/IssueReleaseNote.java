package org.reliefclearance.clearance;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.ReferenceGenerator;
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
        String reference = (String) execution.getVariable(ClearanceProcess.Vars.CONSIGNMENT_REFERENCE);
        String releaseNumber = references.nextReleaseNumber((String) execution.getVariable(ClearanceProcess.Vars.PORT_CODE));

        OffsetDateTime releasedAt = milestones.released(reference, releaseNumber);
        consignments.addEvent(reference, Actors.SYSTEM, ConsignmentStatus.RELEASED.name(), null,
                "Release note " + releaseNumber + " issued at " + releasedAt);

        execution.setVariable(ClearanceProcess.Vars.RELEASE_NUMBER, releaseNumber);
    }
}
