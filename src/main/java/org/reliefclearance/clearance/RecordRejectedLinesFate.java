package org.reliefclearance.clearance;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.springframework.stereotype.Component;

/** Completion of Task_ClearAtPort: the fate the port gave the refused lines, on each line and the timeline. */
@Component("recordRejectedLinesFate")
class RecordRejectedLinesFate implements TaskListener {

    private final ConsignmentRepository consignments;
    private final IdentityService identity;

    RecordRejectedLinesFate(ConsignmentRepository consignments, IdentityService identity) {
        this.consignments = consignments;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        RejectedLinesFate fate = ClearanceProcess.Vars.REJECTED_LINES_FATE.get(task);
        if (fate == null) {
            return;
        }
        String reference = ClearanceProcess.Vars.CONSIGNMENT_REFERENCE.get(task);
        List<Integer> lines = consignments.setFateOfRejectedLines(reference, fate.name());
        consignments.addEvent(reference, Actors.current(identity, task.getAssignee()),
                TimelineEvent.REJECTED_LINES_FATE_RECORDED, null, "Lines " + lines + ": " + fate.name());
    }
}
