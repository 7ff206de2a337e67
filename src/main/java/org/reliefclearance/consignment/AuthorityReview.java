package org.reliefclearance.consignment;

import java.time.OffsetDateTime;
import java.util.Set;

/** One authority's review of a consignment, as the review process records it. */
public record AuthorityReview(String authorityCode, String status, OffsetDateTime dueAt, String decidedBy,
                              OffsetDateTime decidedAt, String reason, boolean tacit) {

    private static final Set<String> OPEN = Set.of("PENDING", "INFORMATION_REQUESTED");

    public boolean isPending() {
        return OPEN.contains(status);
    }
}
