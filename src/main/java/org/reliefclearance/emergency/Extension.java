package org.reliefclearance.emergency;

import java.time.OffsetDateTime;

/** One extension of an emergency's period, as stored in {@code emergency_extension}. */
public record Extension(OffsetDateTime previousEndsAt, OffsetDateTime newEndsAt, String extendedBy,
                        OffsetDateTime extendedAt, String reason) {
}
