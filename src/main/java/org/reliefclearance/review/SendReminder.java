package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/** Task_SendReminder: half of the review time has passed; counted and put on the timeline. */
@Component("sendReminder")
class SendReminder implements JavaDelegate {

    private final AuthorityReviews reviews;

    SendReminder(AuthorityReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.remind(ReviewExecution.reference(execution), Vars.AUTHORITY.require(execution), Vars.REVIEW_DUE_AT.get(execution));
    }

}
