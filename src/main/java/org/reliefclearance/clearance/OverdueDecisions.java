package org.reliefclearance.clearance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.modelguard.ModelBean;
import org.springframework.stereotype.Component;

/**
 * The endorsement and the exemption decision when they run late, as the model asks: a reminder at half
 * time, the head of the service as a further candidate at the deadline, and the coordinators to follow
 * up after the head's deadline. The decision itself stays with MoLSW or Customs HQ.
 */
@ModelBean
@Component("overdueDecisions")
public class OverdueDecisions {

    private final ConsignmentRepository consignments;
    private final Deadlines deadlines;

    OverdueDecisions(ConsignmentRepository consignments, Deadlines deadlines) {
        this.consignments = consignments;
        this.deadlines = deadlines;
    }

    public void remind(DelegateExecution execution, String step) {
        consignments.addEvent(Vars.CONSIGNMENT_REFERENCE.get(execution), Actors.SYSTEM, TimelineEvent.DECISION_REMINDER,
                null, label(step) + ": half the time has passed");
    }

    /** Adds the head group as a candidate of the overdue task: the officers keep it, the head may now decide. */
    public void toHead(DelegateExecution execution, String taskKey, String headGroup) {
        Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            return;
        }
        execution.getProcessEngineServices().getTaskService().addCandidateGroup(task.getId(), headGroup);
        consignments.addEvent(Vars.CONSIGNMENT_REFERENCE.get(execution), Actors.SYSTEM,
                TimelineEvent.DECISION_ESCALATED_TO_HEAD, null, task.getName() + ": deadline passed, " + headGroup
                        + " may decide");
    }

    /** Before the escalation to the coordinators: what is overdue, for their follow-up form. */
    public void followUp(DelegateExecution execution, String step) {
        String text = label(step) + " is still undecided after the head's deadline (" + deadlines.display(deadlines.now())
                + ")";
        Vars.OVERDUE_DECISION.set(execution, text);
        consignments.addEvent(Vars.CONSIGNMENT_REFERENCE.get(execution), Actors.SYSTEM, TimelineEvent.DECISION_OVERDUE,
                null, text);
    }

    private static String label(String step) {
        return switch (step) {
            case "ENDORSEMENT" -> "Endorsement by MoLSW";
            case "EXEMPTION_DECISION" -> "Exemption decision by Customs HQ";
            default -> throw new IllegalArgumentException("No overdue follow-up for step " + step);
        };
    }
}
