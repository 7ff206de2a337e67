package org.reliefclearance.review;

import static org.reliefclearance.variables.Variable.choice;
import static org.reliefclearance.variables.Variable.duration;
import static org.reliefclearance.variables.Variable.flag;
import static org.reliefclearance.variables.Variable.instant;
import static org.reliefclearance.variables.Variable.integers;
import static org.reliefclearance.variables.Variable.text;
import static org.reliefclearance.variables.Variable.texts;
import static org.reliefclearance.variables.Variable.value;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.reliefclearance.variables.Variable;

/**
 * The contract of {@code line-ministry-review}: one authority's review of a consignment,
 * called by the clearance process once per required authority. Key, message, element ids and
 * variable names in one place.
 */
public final class LineMinistryReview {

    public static final String KEY = "line-ministry-review";

    private LineMinistryReview() {
    }

    public static final class Messages {
        /** Correlated by business key and {@code processInstanceVariableEquals(Vars.AUTHORITY.name(), code)}. */
        public static final String INFORMATION_PROVIDED = "InformationProvided";

        private Messages() {
        }
    }

    /** Elements tests and monitoring refer to. */
    public static final class Elements {
        public static final String PREPARE_REVIEW = "Task_PrepareReview";
        public static final String REVIEW_PERMIT = "Task_ReviewPermit";
        public static final String SEND_REMINDER = "Task_SendReminder";
        public static final String REMINDER_DUE = "Event_ReminderDue";
        public static final String REVIEW_OVERDUE = "Event_ReviewOverdue";
        public static final String RECORD_TACIT_APPROVAL = "Task_RecordTacitApproval";
        public static final String ESCALATE_REVIEW = "Task_EscalateReview";
        public static final String DECIDE_OVERDUE_REVIEW = "Task_DecideOverdueReview";
        public static final String HEAD_DEADLINE_PASSED = "Event_HeadDeadlinePassed";
        public static final String HANDLE_OVERDUE_REVIEW = "Task_HandleOverdueReview";
        public static final String REOPEN_REVIEW = "Task_ReopenReview";
        public static final String RECORD_HEAD_DECISION = "Task_RecordHeadDecision";
        public static final String RECORD_INFORMATION_REQUEST = "Task_RecordInformationRequest";
        public static final String AWAIT_INFORMATION = "Gateway_AwaitInformation";
        public static final String INFORMATION_PROVIDED = "Event_InformationProvided";
        public static final String INFORMATION_OVERDUE = "Event_InformationOverdue";
        public static final String RESUME_REVIEW = "Task_ResumeReview";
        public static final String RECORD_INFORMATION_TIMEOUT = "Task_RecordInformationTimeout";
        public static final String RECORD_REVIEW_DECISION = "Task_RecordReviewDecision";
        public static final String REVIEW_DECIDED = "Event_ReviewDecided";
        public static final String TACITLY_APPROVED = "Event_TacitlyApproved";
        public static final String DECIDED_BY_HEAD = "Event_DecidedByHead";
        public static final String REJECTED_WITHOUT_INFORMATION = "Event_RejectedWithoutInformation";

        private Elements() {
        }
    }

    /** The process's variables, typed. */
    public static final class Vars {
        // passed in by the call activity
        public static final Variable<String> CONSIGNMENT_REFERENCE = text("consignmentReference");
        public static final Variable<String> AUTHORITY = text("authority");
        // set by Task_PrepareReview for the candidate group, the timers and the form
        public static final Variable<String> REVIEW_GROUP = text("reviewGroup");
        /** The authority's head (director), who takes the review first once it is overdue. */
        public static final Variable<String> REVIEW_HEAD_GROUP = text("reviewHeadGroup");
        public static final Variable<String> REVIEW_ASSIGNEE = text("reviewAssignee");
        public static final Variable<String> AUTHORITY_NAME = text("authorityName");
        public static final Variable<String> ORGANISATION = text("organisation");
        public static final Variable<String> PORT = text("port");
        /** JSON list of this authority's lines: lineNo, description, hsCode, category, quantity, unit, valueUsd. */
        public static final Variable<Object> LINES = value("lines");
        /** JSON list of {label, value} for the rejected-lines checklist. */
        public static final Variable<Object> LINE_OPTIONS = value("lineOptions");
        /** JSON list of {label, value}: the authority's officials an overdue review may be handed to (set at escalation). */
        public static final Variable<Object> REVIEW_OFFICIALS = value("reviewOfficials");
        /** Human-readable due date and rule, e.g. "Fri 20 Mar 2026 15:00 (Asia/Vientiane), 10 working days". */
        public static final Variable<String> DEADLINE = text("deadline");
        public static final Variable<Instant> REVIEW_DUE_AT = instant("reviewDueAt");
        public static final Variable<Instant> REMINDER_AT = instant("reminderAt");
        /** Whether the review clock counts working days (normal) or calendar hours (emergency). */
        public static final Variable<Boolean> REVIEW_WORKING_TIME = flag("reviewWorkingTime");
        public static final Variable<Boolean> TACIT_APPROVAL_ALLOWED = flag("tacitApprovalAllowed");
        // the reviewer's form
        public static final Variable<ReviewDecision> REVIEW_DECISION = choice("reviewDecision", ReviewDecision.class);
        public static final Variable<List<Integer>> REJECTED_LINES = integers("rejectedLines");
        public static final Variable<String> REVIEW_REASON = text("reviewReason");
        /** The official confirmed an irreversible refusal (its form asks it only then). */
        public static final Variable<String> REJECTION_CONFIRMED = text("rejectionConfirmed");
        public static final Variable<String> INFORMATION_REQUEST = text("informationRequest");
        /** With an approval: the permit or licence granted (a date, "2026-12-31", from the form). */
        public static final Variable<String> PERMIT_NUMBER = text("permitNumber");
        public static final Variable<String> PERMIT_VALID_UNTIL = text("permitValidUntil");
        /** Codes of the form's checklist, e.g. {@link Permit#INSPECTION_ON_ARRIVAL}. */
        public static final Variable<List<String>> PERMIT_CONDITIONS = texts("permitConditions");
        // while the consignee is asked for information the review clock is paused
        public static final Variable<Instant> INFORMATION_DUE_AT = instant("informationDueAt");
        /** The time left on the review clock when it was paused. */
        public static final Variable<Duration> REVIEW_TIME_LEFT = duration("reviewTimeLeft");
        public static final Variable<String> INFORMATION_RESPONSE = text("informationResponse");
        /** The question the consignee answered, shown with the answer (plain text, never Markdown). */
        public static final Variable<String> INFORMATION_ASKED = text("informationAsked");
        // the head's, then the coordinators' form at the deadline
        public static final Variable<OverdueReviewAction> OVERDUE_ACTION =
                choice("overdueAction", OverdueReviewAction.class);
        /** A date-time from the form: read in the country's zone ({@link Variable#instantIn}). */
        public static final Variable<Instant> NEW_DEADLINE = instant("newDeadline");
        public static final Variable<String> REASSIGN_TO = text("reassignTo");
        public static final Variable<String> OVERDUE_REASON = text("overdueReason");
        /** The user who completed the last review or overdue task. */
        public static final Variable<String> DECIDED_BY = text("decidedBy");

        private Vars() {
        }
    }
}
