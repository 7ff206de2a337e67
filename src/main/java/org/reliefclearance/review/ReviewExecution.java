package org.reliefclearance.review;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.reliefclearance.forms.FormValues;
import org.reliefclearance.review.LineMinistryReview.Vars;

/** Typed access to the variables of a running {@code line-ministry-review}, for its delegates. */
final class ReviewExecution {

    private final DelegateExecution execution;

    private ReviewExecution(DelegateExecution execution) {
        this.execution = execution;
    }

    static ReviewExecution of(DelegateExecution execution) {
        return new ReviewExecution(execution);
    }

    String reference() {
        String reference = text(Vars.CONSIGNMENT_REFERENCE);
        return reference != null ? reference : execution.getProcessBusinessKey();
    }

    String authority() {
        return text(Vars.AUTHORITY);
    }

    Instant reviewDueAt() {
        return execution.getVariable(Vars.REVIEW_DUE_AT) instanceof Date d ? d.toInstant() : null;
    }

    boolean reviewWorkingTime() {
        return Boolean.TRUE.equals(execution.getVariable(Vars.REVIEW_WORKING_TIME));
    }

    Duration reviewTimeLeft() {
        return Duration.parse(text(Vars.REVIEW_TIME_LEFT));
    }

    /** The official who completed the last task, or "unknown" when the engine was driven without a user. */
    String decidedBy() {
        String user = text(Vars.DECIDED_BY);
        return user != null ? user : "unknown";
    }

    String text(String name) {
        return FormValues.text(execution.getVariable(name));
    }

    /** A date-time from a form; one without offset is read in {@code zone}. */
    Instant instant(String name, ZoneId zone) {
        return FormValues.instant(execution.getVariable(name), zone);
    }

    void set(String name, Object value) {
        execution.setVariable(name, value instanceof Instant i ? Date.from(i) : value);
    }

    /** Sets the review clock the boundary timers of Task_ReviewPermit watch, and the text the form shows. */
    void setClock(Instant dueAt, Instant reminderAt, String deadlineText) {
        set(Vars.REVIEW_DUE_AT, dueAt);
        set(Vars.REMINDER_AT, reminderAt);
        set(Vars.DEADLINE, deadlineText);
    }

    /** Back to the reviewer: the previous round's answers must not prefill the form. */
    void clearDecision() {
        set(Vars.REVIEW_DECISION, null);
        set(Vars.REJECTED_LINES, null);
        set(Vars.REVIEW_REASON, null);
        set(Vars.OVERDUE_ACTION, null);
        set(Vars.NEW_DEADLINE, null);
        set(Vars.REASSIGN_TO, null);
        set(Vars.OVERDUE_REASON, null);
    }
}
