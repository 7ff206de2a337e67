package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.forms.FormValues;
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
        ReviewExecution review = ReviewExecution.of(execution);
        reviews.decide(review.reference(), review.authority(), review.text(Vars.REVIEW_DECISION),
                FormValues.integers(execution.getVariable(Vars.REJECTED_LINES)), review.text(Vars.REVIEW_REASON),
                review.decidedBy());
    }
}
