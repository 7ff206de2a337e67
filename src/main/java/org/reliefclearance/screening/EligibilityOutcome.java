package org.reliefclearance.screening;

/** What {@code consignee-eligibility.dmn} answers for a consignee. */
public enum EligibilityOutcome {
    /** The case goes on. */
    ELIGIBLE,
    /** Applied for recognition during an emergency: the case waits for MoLSW's decision. */
    RECOGNITION_NEEDED,
    /** The case ends. */
    NOT_ELIGIBLE
}
