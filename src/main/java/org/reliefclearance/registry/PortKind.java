package org.reliefclearance.registry;

/** How goods cross at a port of entry. */
public enum PortKind {
    AIRPORT,
    LAND,
    RAIL,
    RIVER
}
