package org.reliefclearance.review;

/**
 * What is done with a review past its deadline: the authority's head may do any of these; the
 * coordinators only extend or reassign (their form offers no decision).
 */
public enum OverdueReviewAction {
    EXTEND,
    REASSIGN,
    DECIDE_APPROVE,
    DECIDE_REJECT
}
