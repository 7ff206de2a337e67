package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/** Task_EscalateReview: the review is overdue; marked escalated before the coordinators take it. */
@Component("escalateReview")
class EscalateReview implements JavaDelegate {

    private final AuthorityReviews reviews;

    EscalateReview(AuthorityReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.escalate(ReviewExecution.reference(execution), Vars.AUTHORITY.require(execution), Vars.REVIEW_DUE_AT.get(execution));
    }

}
