package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.notifications.Notices;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/**
 * Task_SendReminder: half of the review time has passed; counted, put on the timeline, and mailed to
 * whoever holds the review now.
 */
@Component("sendReminder")
class SendReminder implements JavaDelegate {

    private final AuthorityReviews reviews;
    private final Notices notices;

    SendReminder(AuthorityReviews reviews, Notices notices) {
        this.reviews = reviews;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ReviewExecution.reference(execution);
        String authority = Vars.AUTHORITY.require(execution);
        reviews.remind(reference, authority, Vars.REVIEW_DUE_AT.get(execution));
        notices.reviewReminder(reference, authority, execution.getProcessInstanceId(), Vars.REVIEW_DUE_AT.get(execution));
    }

}
