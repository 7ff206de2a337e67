package org.reliefclearance.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One authority's review of a consignment, as stored in {@code authority_review}: the one read model of that table. */
public record AuthorityReview(
        long id,
        long consignmentId,
        String authorityCode,
        ReviewStatus status,
        OffsetDateTime requestedAt,
        OffsetDateTime dueAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        String reason,
        boolean tacit,
        int reminders,
        boolean escalated,
        String permitNumber,
        LocalDate permitValidUntil,
        String permitConditions) {

    /** Still waiting for the authority (or for the consignee's answer to it). */
    public boolean isPending() {
        return status == ReviewStatus.PENDING || status == ReviewStatus.INFORMATION_REQUESTED;
    }
}
