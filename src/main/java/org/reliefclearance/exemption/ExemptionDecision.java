package org.reliefclearance.exemption;

/** Customs HQ's decision on the duties and taxes of a consignment. */
public enum ExemptionDecision {
    /** Every tax of every line that may be released is waived. */
    FULL,
    /** The taxes Customs HQ chose, on the lines it chose (at most the amount it entered, if it did). */
    PARTIAL,
    NONE
}
