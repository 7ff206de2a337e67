package org.reliefclearance.clearance;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.deadlines.Deadline;
import org.reliefclearance.deadlines.DeadlineStep;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.emergency.Emergency;
import org.reliefclearance.emergency.EmergencyState;
import org.reliefclearance.review.AuthorityReviews;
import org.reliefclearance.review.LineMinistryReview;
import org.reliefclearance.variables.Variable;
import org.springframework.stereotype.Service;

/**
 * When an emergency comes into force, the steps already running for consignments bound for a province
 * it covers get the emergency deadline, counted from now, when that is earlier than theirs: each
 * authority's review (Task_ReviewPermit), the endorsement and the exemption decision. Their task's due
 * date, their timers (reminder, deadline, head's deadline) and the review row move; the case's timeline
 * says so. A deadline never moves later because of an emergency.
 */
@Service
public class RunningDeadlines {

    /** A decision step of the clearance process and the timers on its task. */
    private record Step(DeadlineStep step, String task, String halfTime, String overdue, String headOverdue) {
    }

    private static final List<Step> CLEARANCE_STEPS = List.of(
            new Step(DeadlineStep.ENDORSEMENT, ClearanceProcess.Elements.ENDORSE_REQUEST,
                    ClearanceProcess.Elements.ENDORSEMENT_HALF_TIME, ClearanceProcess.Elements.ENDORSEMENT_OVERDUE,
                    ClearanceProcess.Elements.ENDORSEMENT_HEAD_OVERDUE),
            new Step(DeadlineStep.EXEMPTION_DECISION, ClearanceProcess.Elements.DECIDE_EXEMPTION,
                    ClearanceProcess.Elements.EXEMPTION_HALF_TIME, ClearanceProcess.Elements.EXEMPTION_OVERDUE,
                    ClearanceProcess.Elements.EXEMPTION_HEAD_OVERDUE));

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final Deadlines deadlines;
    private final EmergencyState emergencies;
    private final AuthorityReviews reviews;
    private final ConsignmentRepository consignments;

    RunningDeadlines(RuntimeService runtime, TaskService tasks, ManagementService management, Deadlines deadlines,
                     EmergencyState emergencies, AuthorityReviews reviews, ConsignmentRepository consignments) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.deadlines = deadlines;
        this.emergencies = emergencies;
        this.reviews = reviews;
        this.consignments = consignments;
    }

    /** @return how many steps were brought forward */
    public int bringForward(String emergencyCode) {
        int moved = 0;
        for (ProcessInstance review : runtime.createProcessInstanceQuery()
                .processDefinitionKey(LineMinistryReview.KEY).active().list()) {
            if (covered(review, emergencyCode) && bringReviewForward(review, emergencyCode)) {
                moved++;
            }
        }
        for (ProcessInstance clearance : runtime.createProcessInstanceQuery()
                .processDefinitionKey(ClearanceProcess.KEY).active().list()) {
            if (covered(clearance, emergencyCode)) {
                for (Step step : CLEARANCE_STEPS) {
                    if (bringStepForward(clearance, step, emergencyCode)) {
                        moved++;
                    }
                }
            }
        }
        return moved;
    }

    /** Covered by this emergency (another one covering the consignment already gave it its deadlines). */
    private boolean covered(ProcessInstance instance, String emergencyCode) {
        return emergencies.activeForConsignment(instance.getBusinessKey()).map(Emergency::code)
                .filter(emergencyCode::equals).isPresent();
    }

    private boolean bringReviewForward(ProcessInstance review, String emergencyCode) {
        String reference = review.getBusinessKey();
        Task task = task(review, LineMinistryReview.Elements.REVIEW_PERMIT);
        Job overdue = job(review, LineMinistryReview.Elements.REVIEW_OVERDUE);
        if (task == null || overdue == null) {
            return false;
        }
        String authority = (String) runtime.getVariable(review.getId(), LineMinistryReview.Vars.AUTHORITY.name());
        Deadline emergency = deadlines.deadline(DeadlineStep.AUTHORITY_REVIEW, authority, deadlines.now(), true);
        Instant was = overdue.getDuedate().toInstant();
        if (!emergency.dueAt().isBefore(was)) {
            return false;
        }
        moveTimers(review, emergency, LineMinistryReview.Elements.REMINDER_DUE, overdue, null);
        moveTask(task, emergency.dueAt());
        set(review, LineMinistryReview.Vars.REVIEW_DUE_AT, emergency.dueAt());
        set(review, LineMinistryReview.Vars.REMINDER_AT, emergency.reminderAt());
        set(review, LineMinistryReview.Vars.DEADLINE,
                deadlines.display(emergency.dueAt()) + ", " + emergency.description());
        set(review, LineMinistryReview.Vars.REVIEW_WORKING_TIME, false);
        set(review, LineMinistryReview.Vars.TACIT_APPROVAL_ALLOWED, reviews.tacitApprovalAllowed(reference, authority));
        reviews.bringForward(reference, authority, was, emergency, emergencyCode);
        return true;
    }

    private boolean bringStepForward(ProcessInstance clearance, Step step, String emergencyCode) {
        Task task = task(clearance, step.task());
        Job overdue = job(clearance, step.overdue());
        if (task == null || overdue == null) {
            return false;
        }
        Deadline emergency = deadlines.deadline(step.step(), null, deadlines.now(), true);
        Instant was = overdue.getDuedate().toInstant();
        if (!emergency.dueAt().isBefore(was)) {
            return false;
        }
        Deadline head = deadlines.deadline(DeadlineStep.HEAD_OF_AUTHORITY, null, emergency.dueAt(), true);
        moveTimers(clearance, emergency, step.halfTime(), overdue, job(clearance, step.headOverdue()) == null ? null
                : new Moved(job(clearance, step.headOverdue()), head.dueAt()));
        moveTask(task, emergency.dueAt());
        consignments.addEvent(clearance.getBusinessKey(), Actors.SYSTEM, TimelineEvent.DEADLINE_BROUGHT_FORWARD, null,
                "Emergency %s: %s due %s (%s), was %s".formatted(emergencyCode, task.getName(),
                        deadlines.display(emergency.dueAt()), emergency.description(), deadlines.display(was)));
        return true;
    }

    private record Moved(Job job, Instant dueAt) {
    }

    /** Each timer moves only earlier: a reminder already sent is gone, one due sooner stays. */
    private void moveTimers(ProcessInstance instance, Deadline emergency, String halfTime, Job overdue, Moved head) {
        management.setJobDuedate(overdue.getId(), Date.from(emergency.dueAt()));
        Job reminder = job(instance, halfTime);
        if (reminder != null && emergency.reminderAt().isBefore(reminder.getDuedate().toInstant())) {
            management.setJobDuedate(reminder.getId(), Date.from(emergency.reminderAt()));
        }
        if (head != null && head.dueAt().isBefore(head.job().getDuedate().toInstant())) {
            management.setJobDuedate(head.job().getId(), Date.from(head.dueAt()));
        }
    }

    private void moveTask(Task task, Instant dueAt) {
        task.setDueDate(Date.from(dueAt));
        tasks.saveTask(task);
    }

    private <T> void set(ProcessInstance instance, Variable<T> variable, T value) {
        runtime.setVariable(instance.getId(), variable.name(), variable.stored(value));
    }

    private Task task(ProcessInstance instance, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    }

    private Job job(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }
}
