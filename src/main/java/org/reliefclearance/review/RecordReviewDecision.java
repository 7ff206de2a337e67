package org.reliefclearance.review;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/**
 * Task_RecordReviewDecision: writes the reviewer's decision for the review and its lines. Runs in the
 * transaction that completes the review task, so an invalid decision is refused to the reviewer.
 */
@Component("recordReviewDecision")
class RecordReviewDecision implements JavaDelegate {

    private final AuthorityReviews reviews;

    RecordReviewDecision(AuthorityReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Integer> rejected = Vars.REJECTED_LINES.get(execution);
        String validUntil = Vars.PERMIT_VALID_UNTIL.get(execution);
        Permit permit = new Permit(Vars.PERMIT_NUMBER.get(execution),
                validUntil == null || validUntil.isBlank() ? null : LocalDate.parse(validUntil),
                Vars.PERMIT_CONDITIONS.get(execution));
        reviews.decide(ReviewExecution.reference(execution), Vars.AUTHORITY.require(execution),
                Vars.REVIEW_DECISION.require(execution), rejected == null ? List.of() : rejected,
                Vars.REVIEW_REASON.get(execution), permit, ReviewExecution.decidedBy(execution));
    }

}
