package org.reliefclearance.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reliefclearance.consignment.ConsignmentLine;

class ReviewOutcomesTest {

    @Test
    void lineWithoutPermitIsAlwaysReleasable() {
        assertThat(ReviewOutcomes.releasable(line(null, null), Map.of())).isTrue();
    }

    @Test
    void permitLineFollowsItsOwnReviewStatus() {
        assertThat(ReviewOutcomes.releasable(line("MOH_FDD", "APPROVED"), Map.of("MOH_FDD", "PARTIALLY_APPROVED"))).isTrue();
        assertThat(ReviewOutcomes.releasable(line("MOH_FDD", "REJECTED"), Map.of("MOH_FDD", "PARTIALLY_APPROVED"))).isFalse();
    }

    @Test
    void pendingLineFollowsItsAuthoritysReview() {
        assertThat(ReviewOutcomes.releasable(line("MTC", "PENDING"), Map.of("MTC", "APPROVED"))).isTrue();
        assertThat(ReviewOutcomes.releasable(line("MTC", "PENDING"), Map.of("MTC", "REJECTED"))).isFalse();
        assertThat(ReviewOutcomes.releasable(line("MTC", "PENDING"), Map.of())).isFalse();
    }

    private static ConsignmentLine line(String authority, String reviewStatus) {
        return new ConsignmentLine(1, 1, "goods", "300490", "MEDICINE", BigDecimal.ONE, "PCS", BigDecimal.TEN, null,
                authority == null ? "RELIEF_EXEMPT" : "PERMIT_REQUIRED", authority, reviewStatus, null, null, null, null, false);
    }
}
