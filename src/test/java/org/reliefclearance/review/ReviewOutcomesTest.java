package org.reliefclearance.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
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

    @Test
    void aLineOfSeveralAuthoritiesIsReadyOnlyWhenAllApprovedAndRefusedOnceOneRefused() {
        ConsignmentLine milk = new ConsignmentLine(1, 1, "milk powder", "040221", "FOOD", BigDecimal.ONE, "BAG",
                BigDecimal.TEN, null, "PERMIT_REQUIRED", "MOH_FDD", "PENDING", null, null, null, null, false,
                List.of("MOH_FDD", "MAF_DLF"));

        assertThat(ReviewOutcomes.state(milk, Map.of("MOH_FDD", "APPROVED", "MAF_DLF", "PENDING")))
                .isEqualTo(ReviewOutcomes.LineState.AWAITING_REVIEW);
        assertThat(ReviewOutcomes.state(milk, Map.of("MOH_FDD", "APPROVED", "MAF_DLF", "APPROVED")))
                .isEqualTo(ReviewOutcomes.LineState.READY);
        assertThat(ReviewOutcomes.state(milk, Map.of("MOH_FDD", "APPROVED", "MAF_DLF", "REJECTED")))
                .isEqualTo(ReviewOutcomes.LineState.REFUSED);
        assertThat(ReviewOutcomes.releasable(withStatus(milk, "APPROVED"), Map.of())).isTrue();
        assertThat(ReviewOutcomes.state(withStatus(milk, "REJECTED"), Map.of("MOH_FDD", "APPROVED", "MAF_DLF", "APPROVED")))
                .as("the combined status of the line wins").isEqualTo(ReviewOutcomes.LineState.REFUSED);
    }

    @Test
    void linesCombineTheirAuthoritiesDecisions() {
        var moh = new AuthorityReviewRepository.LineDecision(7, "MOH_FDD", "APPROVED", null);
        var mafPending = new AuthorityReviewRepository.LineDecision(7, "MAF_DLF", "PENDING", null);
        var mafRefused = new AuthorityReviewRepository.LineDecision(7, "MAF_DLF", "REJECTED", "No veterinary certificate");

        assertThat(AuthorityReviewRepository.combine(List.of(moh, mafPending)).reviewStatus()).isEqualTo("PENDING");
        assertThat(AuthorityReviewRepository.combine(List.of(moh,
                new AuthorityReviewRepository.LineDecision(7, "MAF_DLF", "APPROVED", null))).reviewStatus())
                .isEqualTo("APPROVED");
        assertThat(AuthorityReviewRepository.combine(List.of(moh, mafRefused)))
                .extracting(AuthorityReviewRepository.LineDecision::reviewStatus,
                        AuthorityReviewRepository.LineDecision::reviewReason)
                .containsExactly("REJECTED", "MAF_DLF: No veterinary certificate");
        assertThat(AuthorityReviewRepository.combine(List.of(mafRefused)).reviewReason())
                .as("a line of one authority keeps its reason as it was").isEqualTo("No veterinary certificate");
    }

    private static ConsignmentLine withStatus(ConsignmentLine l, String status) {
        return new ConsignmentLine(l.id(), l.lineNo(), l.description(), l.hsCode(), l.category(), l.quantity(), l.unit(),
                l.valueUsd(), l.grossWeightKg(), l.treatment(), l.authorityCode(), status, null, null, null, null, false,
                l.authorities());
    }

    private static ConsignmentLine line(String authority, String reviewStatus) {
        return new ConsignmentLine(1, 1, "goods", "300490", "MEDICINE", BigDecimal.ONE, "PCS", BigDecimal.TEN, null,
                authority == null ? "RELIEF_EXEMPT" : "PERMIT_REQUIRED", authority, reviewStatus, null, null, null,
                null, false, authority == null ? List.of() : List.of(authority));
    }
}
