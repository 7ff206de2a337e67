package org.reliefclearance.clearance;

/** The port officer's decision when the goods are at the border. */
public enum ClearanceDecision {
    RELEASE,
    EXAMINE
}
