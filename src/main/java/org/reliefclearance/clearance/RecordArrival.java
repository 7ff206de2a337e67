package org.reliefclearance.clearance;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.springframework.stereotype.Component;

/**
 * The goods arrived, at whatever step the case is: the arrival time (dwell runs from it) and who
 * reported it; then the flag Event_GoodsAtPort waits for. Runs in the reporting user's transaction
 * (not async), so a second report sees the first.
 */
@Component("recordArrival")
class RecordArrival implements JavaDelegate {

    private final ConsignmentMilestones milestones;
    private final ConsignmentRepository consignments;
    private final IdentityService identity;

    RecordArrival(ConsignmentMilestones milestones, ConsignmentRepository consignments, IdentityService identity) {
        this.milestones = milestones;
        this.consignments = consignments;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ClearanceProcess.Vars.CONSIGNMENT_REFERENCE.get(execution);
        String reportedBy = ClearanceProcess.Vars.ARRIVED_BY.get(execution);
        if (milestones.arrived(reference)) {
            consignments.addEvent(reference, reportedBy != null ? reportedBy : Actors.current(identity, null),
                    TimelineEvent.ARRIVED, null, "Arrival reported");
        }
        ClearanceProcess.Vars.GOODS_ARRIVED.set(execution.getProcessInstance(), true);
    }
}
