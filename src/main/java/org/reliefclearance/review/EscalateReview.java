package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.notifications.Notices;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateReview: the review is overdue; marked escalated before the head of the authority takes
 * it, and mailed to the reviewing group and the head's group.
 */
@Component("escalateReview")
class EscalateReview implements JavaDelegate {

    private final AuthorityReviews reviews;
    private final Notices notices;

    EscalateReview(AuthorityReviews reviews, Notices notices) {
        this.reviews = reviews;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ReviewExecution.reference(execution);
        String authority = Vars.AUTHORITY.require(execution);
        reviews.escalate(reference, authority, Vars.REVIEW_DUE_AT.get(execution));
        notices.reviewEscalated(reference, authority, execution.getProcessInstanceId(), Vars.REVIEW_DUE_AT.get(execution),
                Vars.REVIEW_GROUP.get(execution), Vars.REVIEW_ASSIGNEE.get(execution), Vars.REVIEW_HEAD_GROUP.get(execution));
    }

}
