package org.reliefclearance.registry;

/** Where an organisation stands in the registry. */
public enum OrganisationStatus {
    /** In the registry, in good standing (subject to its kind's agreements and permits). */
    REGISTERED,
    /** Barred from importing relief until MoLSW lifts the suspension. */
    SUSPENDED,
    /** Not registered; has applied for recognition during an emergency and waits for MoLSW. */
    APPLIED,
    /** Recognised by MoLSW for the duration of an emergency. */
    RECOGNISED,
    /** MoLSW refused its application for recognition. */
    REFUSED
}
