package org.reliefclearance.review;

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
        /** Correlated by business key and {@code processInstanceVariableEquals(Vars.AUTHORITY, code)}. */
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
        public static final String HANDLE_OVERDUE_REVIEW = "Task_HandleOverdueReview";
        public static final String REOPEN_REVIEW = "Task_ReopenReview";
        public static final String RECORD_COORDINATOR_DECISION = "Task_RecordCoordinatorDecision";
        public static final String RECORD_INFORMATION_REQUEST = "Task_RecordInformationRequest";
        public static final String AWAIT_INFORMATION = "Gateway_AwaitInformation";
        public static final String INFORMATION_PROVIDED = "Event_InformationProvided";
        public static final String INFORMATION_OVERDUE = "Event_InformationOverdue";
        public static final String RESUME_REVIEW = "Task_ResumeReview";
        public static final String RECORD_INFORMATION_TIMEOUT = "Task_RecordInformationTimeout";
        public static final String RECORD_REVIEW_DECISION = "Task_RecordReviewDecision";
        public static final String REVIEW_DECIDED = "Event_ReviewDecided";
        public static final String TACITLY_APPROVED = "Event_TacitlyApproved";
        public static final String COORDINATOR_DECIDED = "Event_CoordinatorDecided";
        public static final String REJECTED_WITHOUT_INFORMATION = "Event_RejectedWithoutInformation";

        private Elements() {
        }
    }

    /** Process variable names. */
    public static final class Vars {
        // passed in by the call activity
        public static final String CONSIGNMENT_REFERENCE = "consignmentReference";
        public static final String AUTHORITY = "authority";
        // set by Task_PrepareReview for the candidate group, the timers and the form
        public static final String REVIEW_GROUP = "reviewGroup";
        public static final String REVIEW_ASSIGNEE = "reviewAssignee";
        public static final String AUTHORITY_NAME = "authorityName";
        public static final String ORGANISATION = "organisation";
        public static final String PORT = "port";
        /** JSON list of this authority's lines: lineNo, description, hsCode, category, quantity, unit, valueUsd. */
        public static final String LINES = "lines";
        /** JSON list of {label, value} for the rejected-lines checklist. */
        public static final String LINE_OPTIONS = "lineOptions";
        public static final String LINES_SUMMARY = "linesSummary";
        /** Human-readable due date and rule, e.g. "Fri 20 Mar 2026 15:00 (Asia/Vientiane), 10 working days". */
        public static final String DEADLINE = "deadline";
        public static final String REVIEW_DUE_AT = "reviewDueAt";
        public static final String REMINDER_AT = "reminderAt";
        /** Whether the review clock counts working days (normal) or calendar hours (emergency). */
        public static final String REVIEW_WORKING_TIME = "reviewWorkingTime";
        public static final String TACIT_APPROVAL_ALLOWED = "tacitApprovalAllowed";
        // the reviewer's form
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REJECTED_LINES = "rejectedLines";
        public static final String REVIEW_REASON = "reviewReason";
        public static final String INFORMATION_REQUEST = "informationRequest";
        // while the consignee is asked for information the review clock is paused
        public static final String INFORMATION_DUE_AT = "informationDueAt";
        /** ISO-8601 duration left on the review clock when it was paused. */
        public static final String REVIEW_TIME_LEFT = "reviewTimeLeft";
        public static final String INFORMATION_RESPONSE = "informationResponse";
        /** The question the consignee answered, shown with the answer (plain text, never Markdown). */
        public static final String INFORMATION_ASKED = "informationAsked";
        // the coordinator's form at the deadline
        public static final String OVERDUE_ACTION = "overdueAction";
        public static final String NEW_DEADLINE = "newDeadline";
        public static final String REASSIGN_TO = "reassignTo";
        public static final String OVERDUE_REASON = "overdueReason";
        /** The user who completed the last review or overdue task. */
        public static final String DECIDED_BY = "decidedBy";

        private Vars() {
        }
    }

    /** Values of {@link Vars#REVIEW_DECISION}. */
    public static final class Decisions {
        public static final String APPROVE = "APPROVE";
        public static final String REJECT_LINES = "REJECT_LINES";
        public static final String REJECT_ALL = "REJECT_ALL";
        public static final String REQUEST_INFORMATION = "REQUEST_INFORMATION";

        private Decisions() {
        }
    }

    /** Values of {@link Vars#OVERDUE_ACTION}. */
    public static final class OverdueActions {
        public static final String EXTEND = "EXTEND";
        public static final String REASSIGN = "REASSIGN";
        public static final String DECIDE_APPROVE = "DECIDE_APPROVE";
        public static final String DECIDE_REJECT = "DECIDE_REJECT";

        private OverdueActions() {
        }
    }
}
