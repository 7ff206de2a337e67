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
        Vars.REVIEW_DECISION.clear(execution);
        Vars.REJECTED_LINES.clear(execution);
        Vars.REVIEW_REASON.clear(execution);
        Vars.OVERDUE_ACTION.clear(execution);
        Vars.NEW_DEADLINE.clear(execution);
        Vars.REASSIGN_TO.clear(execution);
        Vars.OVERDUE_REASON.clear(execution);
    }
}
