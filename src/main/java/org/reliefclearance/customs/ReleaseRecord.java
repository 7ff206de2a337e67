package org.reliefclearance.customs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The clearance decision the national customs system receives for one release: the lines every
 * authority has cleared, with their permits, the exemption and its legal basis, the emergency, and the
 * procedure asked for (IM4, or IM8 when the goods leave before the full declaration). Customs answers
 * with the {@link Declaration}.
 */
public record ReleaseRecord(String reference, String releaseNumber, String portCode, String organisationCode,
                            OffsetDateTime releasedAt, String procedure, String exemptionDecision,
                            String exemptionLegalBasis, String emergencyCode, List<Line> lines) {

    /** Normal release for home use after the declaration, and release before it (IM8). */
    public static final String NORMAL = "IM4";
    public static final String BEFORE_DECLARATION = "IM8";

    /** A line of this release: those released earlier or later, or refused, are not in it. */
    public record Line(int lineNo, String description, String hsCode, BigDecimal quantity, String unit,
                       BigDecimal valueUsd, String treatment, String exemptedTaxes, List<Permit> permits) {
    }

    /** An authority's permit for a line, as the ministry granted it. */
    public record Permit(String authority, String permitNumber, LocalDate validUntil, String conditions) {
    }
}
