package org.reliefclearance.notifications;

/**
 * What a notification tells, and so who receives it: officials hear of their work, organisations of
 * their own consignments, every official of a national emergency.
 */
public enum NotificationEvent {
    /** A new user task: the members of its candidate groups, or its assignee. */
    TASK_CREATED,
    /** Half of a ministry's review time has passed: the holders of the open review. */
    REVIEW_REMINDER,
    /** A review passed its deadline: the reviewing group and the head of the authority. */
    REVIEW_ESCALATED,
    /** A ministry asks the consignee a question: the consignee organisation. */
    INFORMATION_REQUESTED,
    /** A ministry rejected lines: the consignee organisation. */
    LINES_REJECTED,
    /** A release note was issued: the consignee organisation. */
    RELEASED,
    /** The provisional declaration was not completed by its deadline: the consignee organisation. */
    DECLARATION_OVERDUE,
    /**
     * An entry on the timeline of one of the organisation's consignments, as its portal shows it:
     * the organisation's webhook only, each entry once.
     */
    CASE_EVENT,
    /**
     * The organisation's webhook was disabled after too many failed deliveries in a row: its members
     * (e-mail only).
     */
    WEBHOOK_DISABLED,
    /** MoLSW declared a national emergency: every official. */
    EMERGENCY_DECLARED,
    /** The national emergency ended: every official. */
    EMERGENCY_ENDED,
    /**
     * An emergency came into force (its start was reached): Customs HQ, whose port offices now release
     * before the declaration and clear on the emergency deadlines for the provinces it covers.
     */
    EMERGENCY_IN_FORCE
}
