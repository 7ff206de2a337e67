package org.reliefclearance.clearance;

/** What the port does with lines an authority refused, recorded when it clears the rest. */
public enum RejectedLinesFate {
    /** Kept under customs control until the consignee or the authority settles them. */
    HELD,
    RE_EXPORTED,
    DESTROYED,
    /** Abandoned to the State. */
    ABANDONED
}
