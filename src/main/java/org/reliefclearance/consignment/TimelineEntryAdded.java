package org.reliefclearance.consignment;

import java.time.OffsetDateTime;

/**
 * An entry was added to a case's timeline, published in the transaction that adds it, so that what
 * follows a case (the organisation's webhook) hears of every entry without the case's data knowing
 * who listens.
 */
public record TimelineEntryAdded(long id, String reference, String organisationCode, String eventType,
                                 String actor, String authorityCode, String detail, OffsetDateTime occurredAt) {
}
