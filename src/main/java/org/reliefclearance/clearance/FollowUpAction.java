package org.reliefclearance.clearance;

/** What MoLSW did about a distribution report not received in time. */
public enum FollowUpAction {
    CONSIGNEE_REMINDED,
    SITE_VISIT_PLANNED,
    REFERRED_TO_NLPWG
}
