package org.reliefclearance.clearance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.CaseLines;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.exemption.Exemptions;
import org.springframework.stereotype.Component;

/**
 * Task_IssueReleaseNote: a release note for the lines the port cleared ({@code lineNumbersToRelease}),
 * and the duties and taxes waived on what has left so far.
 */
@Component("issueReleaseNote")
class IssueReleaseNote implements JavaDelegate {

    private final Releases releases;
    private final ConsignmentRepository consignments;
    private final CaseLines caseLines;
    private final Exemptions exemptions;

    IssueReleaseNote(Releases releases, ConsignmentRepository consignments, CaseLines caseLines,
                     Exemptions exemptions) {
        this.releases = releases;
        this.consignments = consignments;
        this.caseLines = caseLines;
        this.exemptions = exemptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = Vars.CONSIGNMENT_REFERENCE.get(execution);
        String releaseNumber = releases.release(reference, Vars.PORT_CODE.get(execution),
                Vars.LINE_NUMBERS_TO_RELEASE.require(execution),
                Boolean.TRUE.equals(Vars.RELEASE_BEFORE_DECLARATION.get(execution)), Actors.SYSTEM, null);
        if (releaseNumber == null) {
            // the lines the officer cleared left meanwhile by an emergency release: nothing more to issue
            throw new IllegalStateException(reference + ": none of the cleared lines is ready to release any more");
        }
        if (Vars.EXEMPTION_DECISION.get(execution) != null) {
            exemptions.settle(reference, Vars.WAIVED_VALUE_USD.get(execution));
        }
        Vars.RELEASE_NUMBER.set(execution, releaseNumber);
        Vars.LINES.set(execution, caseLines.variable(
                consignments.lines(consignments.findByReference(reference).orElseThrow().id())));
    }
}
