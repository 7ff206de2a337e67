package org.reliefclearance.clearance;

/** What the NLPWG coordinators did about an endorsement or exemption left undecided by its head. */
public enum OverdueDecisionAction {
    HEAD_CONTACTED,
    RAISED_AT_NLPWG_MEETING,
    REFERRED_TO_MINISTER
}
