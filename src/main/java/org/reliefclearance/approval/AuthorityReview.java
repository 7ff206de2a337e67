package org.reliefclearance.approval;

import java.time.OffsetDateTime;

/** One authority's review of a consignment, as stored in {@code authority_review}. */
public record AuthorityReview(
        long id,
        long consignmentId,
        String authorityCode,
        ReviewStatus status,
        OffsetDateTime dueAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        String reason,
        boolean tacit,
        int reminders,
        boolean escalated) {
}
