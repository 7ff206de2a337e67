package org.reliefclearance.clearance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.TimelineEvent;
import org.springframework.stereotype.Component;

/** The consignee reported the distribution: the report joins the timeline and the case closes. */
@Component("closeCase")
class CloseCase implements JavaDelegate {

    private final ConsignmentRepository consignments;

    CloseCase(ConsignmentRepository consignments) {
        this.consignments = consignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ClearanceProcess.Vars.CONSIGNMENT_REFERENCE.get(execution);
        String report = ClearanceProcess.Vars.DISTRIBUTION_REPORT.get(execution);

        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.DISTRIBUTION_REPORTED, null, detail(report));
        consignments.updateStatus(reference, ConsignmentStatus.CLOSED, null);
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.CLOSED, null, "Case closed");
    }

    private static String detail(Object report) {
        String text = report == null ? "Distribution reported" : report.toString();
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
