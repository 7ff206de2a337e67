package org.reliefclearance.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.approval.LineMinistryReview.OverdueActions;
import org.reliefclearance.approval.LineMinistryReview.Vars;
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
