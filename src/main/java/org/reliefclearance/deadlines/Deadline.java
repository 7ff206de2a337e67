package org.reliefclearance.deadlines;

import java.time.Instant;

/**
 * When a step of the SOP is due, from {@code clearance-deadlines}: in working days normally,
 * in calendar hours during a national emergency. The reminder falls at half time.
 *
 * @param authorityCode the reviewing authority, or "-" for steps without one
 * @param workingTime   true when only working days count (outside an emergency)
 * @param description   for officials, e.g. "5 working days" or "24 hours (national emergency)"
 */
public record Deadline(DeadlineStep step, String authorityCode, boolean emergency, boolean workingTime,
                       Instant startsAt, Instant dueAt, Instant reminderAt, String description) {
}
