package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.review.LineMinistryReview.OverdueActions;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/** Task_RecordCoordinatorDecision: the coordinator approved or rejected the overdue review. */
@Component("recordCoordinatorDecision")
class RecordCoordinatorDecision implements JavaDelegate {

    private final AuthorityReviews reviews;

    RecordCoordinatorDecision(AuthorityReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewExecution review = ReviewExecution.of(execution);
        boolean approve = OverdueActions.DECIDE_APPROVE.equals(review.text(Vars.OVERDUE_ACTION));
        reviews.decideOverdue(review.reference(), review.authority(), approve, review.text(Vars.OVERDUE_REASON),
                review.decidedBy());
    }
}
