package org.reliefclearance.deadlines;

import java.util.List;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.emergency.EmergencyState;
import org.reliefclearance.identity.ServiceReads;
import org.reliefclearance.modelguard.ModelBean;
import org.springframework.stereotype.Component;

/**
 * Which work comes first in Tasklist, as the process owner set it in {@code task-priority.dmn}:
 * every user task of a case takes its priority when created
 * ({@code camunda:priority="${taskPriority.of(execution)}"}), from the case's facts: a national
 * emergency, medical or perishable goods among its lines.
 */
@ModelBean
@Component("taskPriority")
public class TaskPriority {

    public static final String DECISION = "task-priority";
    /** Camunda's own default, when the rules give none. */
    static final int ORDINARY = 50;

    private final DecisionService decisions;
    private final ServiceReads reads;
    private final ConsignmentRepository consignments;
    private final EmergencyState emergencyState;

    TaskPriority(DecisionService decisions, ServiceReads reads, ConsignmentRepository consignments,
                 EmergencyState emergencyState) {
        this.decisions = decisions;
        this.reads = reads;
        this.consignments = consignments;
        this.emergencyState = emergencyState;
    }

    /**
     * The priority of a task of the case the execution belongs to (its business key is the reference).
     * A task of no consignment (MoLSW's decision on a recognition) is judged on the emergency in force
     * alone, without goods.
     */
    public int of(DelegateExecution execution) {
        return consignments.findByReference(execution.getProcessBusinessKey()).map(this::of)
                .orElseGet(() -> of(emergencyState.isActive(), List.of()));
    }

    int of(Consignment consignment) {
        List<String> categories = consignments.lines(consignment.id()).stream().map(ConsignmentLine::category)
                .distinct().toList();
        return of(consignment.emergencyCode() != null, categories);
    }

    private int of(boolean emergency, List<String> categories) {
        Object priority = reads.read(() -> decisions.evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables()
                        .putValue("emergency", emergency)
                        .putValue("categories", categories))
                .evaluate()
                .getSingleResult()
                .getEntry("priority"));
        return priority instanceof Number n ? n.intValue() : ORDINARY;
    }
}
