package org.reliefclearance.exemption;

/** Customs HQ's decision on the duties and taxes of a consignment. */
public enum ExemptionDecision {
    /** Every line that may be released is waived. */
    FULL,
    /** The amount Customs HQ entered is waived. */
    PARTIAL,
    NONE
}
