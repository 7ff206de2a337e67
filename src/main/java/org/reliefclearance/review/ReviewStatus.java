package org.reliefclearance.review;

/** Status of an {@code authority_review} row. */
public enum ReviewStatus {
    PENDING,
    INFORMATION_REQUESTED,
    APPROVED,
    PARTIALLY_APPROVED,
    REJECTED
}
