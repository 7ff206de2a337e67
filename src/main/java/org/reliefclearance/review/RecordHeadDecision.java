package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/** Task_RecordHeadDecision: the head of the authority approved or rejected the overdue review. */
@Component("recordHeadDecision")
class RecordHeadDecision implements JavaDelegate {

    private final AuthorityReviews reviews;

    RecordHeadDecision(AuthorityReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approve = Vars.OVERDUE_ACTION.require(execution) == OverdueReviewAction.DECIDE_APPROVE;
        reviews.decideOverdue(ReviewExecution.reference(execution), Vars.AUTHORITY.require(execution), approve,
                Vars.OVERDUE_REASON.get(execution), ReviewExecution.decidedBy(execution));
    }
}
