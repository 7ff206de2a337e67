package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/** Task_RecordInformationRequest: the reviewer asks the consignee; the review clock pauses. */
@Component("recordInformationRequest")
class RecordInformationRequest implements JavaDelegate {

    private final AuthorityReviews reviews;

    RecordInformationRequest(AuthorityReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AuthorityReviews.Paused paused = reviews.requestInformation(ReviewExecution.reference(execution), Vars.AUTHORITY.require(execution),
                Vars.INFORMATION_REQUEST.get(execution), ReviewExecution.decidedBy(execution), Vars.REVIEW_DUE_AT.get(execution),
                Boolean.TRUE.equals(Vars.REVIEW_WORKING_TIME.get(execution)));

        Vars.REVIEW_TIME_LEFT.set(execution, paused.timeLeft());
        Vars.INFORMATION_DUE_AT.set(execution, paused.informationDeadline().dueAt());
        Vars.INFORMATION_RESPONSE.clear(execution);
    }

}
