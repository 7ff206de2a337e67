package org.reliefclearance.consignment;

/**
 * What a consignment's timeline records. A change of status is recorded under the status's own
 * name ({@link #of(ConsignmentStatus)}); models name an event as text
 * ({@code ${consignmentStatus.record(execution, 'DISTRIBUTION_REPORT_OVERDUE', ...)}}), which a
 * test checks against this list.
 */
public enum TimelineEvent {
    // the consignment's statuses, each recorded when the case reaches it
    NOTIFIED, AWAITING_RECOGNITION, NOT_ELIGIBLE, PROHIBITED, AWAITING_ENDORSEMENT, NOT_ENDORSED, UNDER_REVIEW, REJECTED,
    AWAITING_EXEMPTION_DECISION, AWAITING_ARRIVAL, ARRIVED, UNDER_EXAMINATION, PARTIALLY_RELEASED, RELEASED, AWAITING_DISTRIBUTION_REPORT,
    CLOSED, WITHDRAWN,
    // what happened on the way
    DOCUMENT_LODGED,
    ELIGIBILITY_CHECKED,
    LINES_CLASSIFIED,
    ENDORSEMENT_DECIDED,
    REVIEW_STARTED,
    REVIEW_REMINDER,
    INFORMATION_REQUESTED,
    INFORMATION_PROVIDED,
    INFORMATION_OVERDUE,
    REVIEW_ESCALATED,
    REVIEW_ESCALATED_TO_COORDINATORS,
    REJECTED_LINES_FATE_RECORDED,
    ARRIVAL_OVERDUE,
    PERMIT_CONDITIONS_OBSERVED,
    ARRIVAL_FOLLOWED_UP,
    REVIEW_DEADLINE_EXTENDED,
    /** An emergency came into force for the destination: a running step's deadline moved earlier. */
    DEADLINE_BROUGHT_FORWARD,
    REVIEW_REASSIGNED,
    TACIT_APPROVAL,
    REVIEW_DECIDED,
    REVIEWS_SUMMARISED,
    EXEMPTION_DECIDED,
    EXEMPTION_RECORDED,
    ARRIVAL_REPORTED,
    TALLY_RECORDED,
    DOCUMENTS_WAIVED,
    CUSTOMS_REFUSAL_RESOLVED,
    NOTIFICATION_AMENDED,
    RISK_ASSESSED,
    PORT_CLEARANCE_DECIDED,
    EXAMINATION_COMPLETED,
    HANDED_OVER_TO_CUSTOMS,
    DECLARATION_COMPLETED,
    DECLARATION_OVERDUE,
    OVERDUE_DECLARATION_HANDLED,
    WITHDRAWAL_REQUESTED,
    EMERGENCY_RELEASE_ORDERED,
    DECISION_REMINDER,
    DECISION_ESCALATED_TO_HEAD,
    DECISION_OVERDUE,
    OVERDUE_DECISION_FOLLOWED_UP,
    DISTRIBUTION_REPORTED,
    DISTRIBUTION_REPORT_OVERDUE,
    DISTRIBUTION_REPORT_FOLLOWED_UP;

    /** The entry a change to {@code status} leaves on the timeline. */
    public static TimelineEvent of(ConsignmentStatus status) {
        return valueOf(status.name());
    }
}
