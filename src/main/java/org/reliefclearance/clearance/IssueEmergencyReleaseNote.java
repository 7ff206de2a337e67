package org.reliefclearance.clearance;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.springframework.stereotype.Component;

/**
 * Task_IssueEmergencyReleaseNote: releases, before the declaration, the lines the head of the checkpoint
 * named, as far as they need no permit (a controlled line never leaves before its ministry decides).
 * The release number stays in the subprocess's own scope, apart from any release the main flow is making.
 */
@Component("issueEmergencyReleaseNote")
class IssueEmergencyReleaseNote implements JavaDelegate {

    private final Releases releases;
    private final ConsignmentRepository consignments;

    IssueEmergencyReleaseNote(Releases releases, ConsignmentRepository consignments) {
        this.releases = releases;
        this.consignments = consignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = Vars.CONSIGNMENT_REFERENCE.get(execution);
        List<Integer> ordered = Vars.EMERGENCY_RELEASE_LINES.require(execution);
        String reason = Vars.EMERGENCY_RELEASE_REASON.get(execution);
        execution.removeVariable(Vars.EMERGENCY_RELEASE_LINES.name());
        execution.removeVariable(Vars.EMERGENCY_RELEASE_REASON.name());

        List<Integer> uncontrolled = consignments.lines(consignments.findByReference(reference).orElseThrow().id())
                .stream().filter(l -> l.authorityCode() == null && ordered.contains(l.lineNo()))
                .map(ConsignmentLine::lineNo).toList();
        String releaseNumber = releases.release(reference, Vars.PORT_CODE.get(execution), uncontrolled, true,
                Actors.SYSTEM, "Emergency release before the declaration: " + reason);
        if (releaseNumber == null) {
            throw new IllegalStateException(reference + ": none of lines " + ordered + " may be released now");
        }
        execution.setVariableLocal(Vars.RELEASE_NUMBER.name(), releaseNumber);
    }
}
