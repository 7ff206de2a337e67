package org.reliefclearance.clearance;

/** What a physical examination found. */
public enum ExaminationResult {
    CONFORMS,
    DISCREPANCIES_RECORDED
}
