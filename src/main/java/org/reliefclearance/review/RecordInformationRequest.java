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
        ReviewExecution review = ReviewExecution.of(execution);
        AuthorityReviews.Paused paused = reviews.requestInformation(review.reference(), review.authority(),
                review.text(Vars.INFORMATION_REQUEST), review.decidedBy(), review.reviewDueAt(),
                review.reviewWorkingTime());

        review.set(Vars.REVIEW_TIME_LEFT, paused.timeLeft().toString());
        review.set(Vars.INFORMATION_DUE_AT, paused.informationDeadline().dueAt());
        review.set(Vars.INFORMATION_RESPONSE, null);
    }
}
