package org.reliefclearance.emergency;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A national emergency declared by MoLSW for a period, as stored in table {@code emergency}. */
public record Emergency(
        String code,
        String name,
        String provinces,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String status,
        String declaredBy,
        OffsetDateTime endedAt,
        String endedBy,
        String endReason) {

    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";

    /** Declared, not ended, and {@code now} inside its period. */
    public boolean isActiveAt(Instant now) {
        return ACTIVE.equals(status) && !startsAt.toInstant().isAfter(now) && endsAt.toInstant().isAfter(now);
    }
}
