package org.reliefclearance.clearance;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.deadlines.DeadlineStep;
import org.reliefclearance.deadlines.Deadlines;
import org.springframework.stereotype.Component;

/**
 * Task_CheckArrival, once a day: are the goods overdue? They are when nobody has reported them
 * {@code ARRIVAL_FOLLOW_UP} (clearance-deadlines.dmn) after their expected arrival, the case is open
 * and not released, and MoLSW did not follow up within that period already.
 */
@Component("checkArrival")
class CheckArrival implements JavaDelegate {

    private final ConsignmentRepository consignments;
    private final Deadlines deadlines;

    CheckArrival(ConsignmentRepository consignments, Deadlines deadlines) {
        this.consignments = consignments;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Consignment c = consignments.findByReference(Vars.CONSIGNMENT_REFERENCE.get(execution)).orElseThrow();
        Instant now = deadlines.now();
        Instant notBefore = Vars.ARRIVAL_FOLLOW_UP_NOT_BEFORE.get(execution);
        boolean overdue = c.arrivedAt() == null && c.releasedAt() == null && !c.status().isTerminal()
                && !now.isBefore(deadlines.forCase(c.reference(), DeadlineStep.ARRIVAL_FOLLOW_UP,
                        null, c.expectedArrival().toInstant()).dueAt())
                && (notBefore == null || !now.isBefore(notBefore));
        execution.setVariableLocal(Vars.ARRIVAL_OVERDUE.name(), overdue);
        if (overdue) {
            Vars.ARRIVAL_FOLLOW_UP_NOT_BEFORE.set(execution.getProcessInstance(),
                    deadlines.forCase(c.reference(), DeadlineStep.ARRIVAL_FOLLOW_UP, null).dueAt());
            consignments.addEvent(c.reference(), Actors.SYSTEM, TimelineEvent.ARRIVAL_OVERDUE, null,
                    "Expected " + deadlines.display(c.expectedArrival().toInstant()) + ", no arrival reported");
        }
    }
}
