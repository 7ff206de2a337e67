package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordTacitApproval: the deadline passed in an emergency and the authority agreed that silence approves. */
@Component("recordTacitApproval")
class RecordTacitApproval implements JavaDelegate {

    private final AuthorityReviews reviews;

    RecordTacitApproval(AuthorityReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewExecution review = ReviewExecution.of(execution);
        reviews.approveTacitly(review.reference(), review.authority(), review.reviewDueAt());
    }
}
