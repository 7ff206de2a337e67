package org.reliefclearance.deadlines;

/** The steps whose deadlines {@code clearance-deadlines.dmn} sets (its {@code step} input). */
public enum DeadlineStep {
    ENDORSEMENT,
    AUTHORITY_REVIEW,
    /** An overdue review, with the head of the authority. */
    HEAD_OF_AUTHORITY,
    INFORMATION_RESPONSE,
    EXEMPTION_DECISION,
    /** The port's clearance once the goods are at the port and the case is ready for it. */
    PORT_CLEARANCE,
    /** Goods not reported this long after their expected arrival: MoLSW follows up. */
    ARRIVAL_FOLLOW_UP,
    PROVISIONAL_DECLARATION,
    /** An escalation or follow-up task (coordinators, MoLSW). */
    FOLLOW_UP,
    /** A new deadline for an overdue provisional declaration, agreed by the coordinators. */
    DECLARATION_EXTENSION,
    DISTRIBUTION_REPORT,
    /** MoLSW's decision on an organisation's application for recognition during an emergency. */
    RECOGNITION
}
