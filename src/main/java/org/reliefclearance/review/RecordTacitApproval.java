package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.review.LineMinistryReview.Vars;
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
        reviews.approveTacitly(ReviewExecution.reference(execution), Vars.AUTHORITY.require(execution), Vars.REVIEW_DUE_AT.get(execution));
    }

}
