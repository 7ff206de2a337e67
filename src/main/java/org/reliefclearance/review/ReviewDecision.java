package org.reliefclearance.review;

/** A reviewer's decision on the lines of their authority. */
public enum ReviewDecision {
    APPROVE,
    REJECT_LINES,
    REJECT_ALL,
    REQUEST_INFORMATION
}
