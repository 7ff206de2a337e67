package org.reliefclearance.consignment;

import java.time.OffsetDateTime;

/** One entry of a consignment's timeline: what happened, when, by whom, and why. */
public record ConsignmentEvent(OffsetDateTime occurredAt, String actor, String eventType, String authorityCode,
                               String detail) {
}
