package org.reliefclearance.clearance;

/** MoLSW's decision on a relief request: the humanitarian need is confirmed, or not. */
public enum EndorsementDecision {
    ENDORSED,
    REJECTED
}
