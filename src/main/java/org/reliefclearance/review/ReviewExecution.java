package org.reliefclearance.review;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.reliefclearance.review.LineMinistryReview.Vars;

/** What every delegate of {@code line-ministry-review} reads or resets the same way. */
final class ReviewExecution {

    private ReviewExecution() {
    }

    /** The consignment's reference, which is also the review's business key. */
    static String reference(DelegateExecution execution) {
        String reference = Vars.CONSIGNMENT_REFERENCE.get(execution);
        return reference != null ? reference : execution.getProcessBusinessKey();
    }

    /** The official who completed the last task, or "unknown" when the engine was driven without a user. */
    static String decidedBy(DelegateExecution execution) {
        String user = Vars.DECIDED_BY.get(execution);
        return user != null ? user : "unknown";
    }

    /** Sets the review clock the boundary timers of Task_ReviewPermit watch, and the text the form shows. */
    static void setClock(DelegateExecution execution, Instant dueAt, Instant reminderAt, String deadlineText) {
        Vars.REVIEW_DUE_AT.set(execution, dueAt);
        Vars.REMINDER_AT.set(execution, reminderAt);
        Vars.DEADLINE.set(execution, deadlineText);
    }

    /** Back to the reviewer: the previous round's answers must not prefill the form. */
    static void clearDecision(DelegateExecution execution) {
        Vars.REVIEW_DECISION.set(execution, null);
        Vars.REJECTED_LINES.set(execution, null);
        Vars.REVIEW_REASON.set(execution, null);
        Vars.OVERDUE_ACTION.set(execution, null);
        Vars.NEW_DEADLINE.set(execution, null);
        Vars.REASSIGN_TO.set(execution, null);
        Vars.OVERDUE_REASON.set(execution, null);
    }
}
