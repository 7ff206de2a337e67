package org.reliefclearance.emergency;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * An emergency declared by MoLSW for a period, as stored in table {@code emergency}: for all
 * provinces, or for those in {@code emergency_province} ({@code provinces} names them for people).
 */
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
        String endReason,
        boolean allProvinces) {

    /** What a declaration names instead of province codes to cover the whole country. */
    public static final String ALL_PROVINCES = "ALL";

    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";

    /** Declared, not ended, and {@code now} inside its period. */
    public boolean isActiveAt(Instant now) {
        return ACTIVE.equals(status) && !startsAt.toInstant().isAfter(now) && endsAt.toInstant().isAfter(now);
    }
}
