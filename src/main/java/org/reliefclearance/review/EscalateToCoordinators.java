package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/** Start of Task_HandleOverdueReview: the head of the authority did not act in time either. */
@Component("escalateToCoordinators")
class EscalateToCoordinators implements ExecutionListener {

    private final AuthorityReviews reviews;

    EscalateToCoordinators(AuthorityReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateExecution execution) {
        reviews.escalateToCoordinators(ReviewExecution.reference(execution), Vars.AUTHORITY.require(execution));
    }
}
