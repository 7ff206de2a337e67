package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/**
 * Task_RecordInformationTimeout: the consignee did not answer in time, so the review is rejected
 * (the consignee may notify again with complete documents; the SOP does not keep a case open without them).
 */
@Component("recordInformationTimeout")
class RecordInformationTimeout implements JavaDelegate {

    private final AuthorityReviews reviews;

    RecordInformationTimeout(AuthorityReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.rejectForMissingInformation(ReviewExecution.reference(execution), Vars.AUTHORITY.require(execution));
    }

}
