package org.reliefclearance.review;

/** Once every authority has reviewed: may all, some or none of the lines be released? */
public enum ReviewOutcome {
    ALL_APPROVED,
    PARTIAL,
    ALL_REJECTED
}
