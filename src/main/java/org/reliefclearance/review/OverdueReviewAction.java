package org.reliefclearance.review;

/** What the coordinators do with a review past its deadline. */
public enum OverdueReviewAction {
    EXTEND,
    REASSIGN,
    DECIDE_APPROVE,
    DECIDE_REJECT
}
