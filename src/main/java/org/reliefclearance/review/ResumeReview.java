package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/** Task_ResumeReview: the consignee answered; the review clock runs on with the time that was left. */
@Component("resumeReview")
class ResumeReview implements JavaDelegate {

    private final AuthorityReviews reviews;
    private final Deadlines deadlines;

    ResumeReview(AuthorityReviews reviews, Deadlines deadlines) {
        this.reviews = reviews;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AuthorityReviews.Clock clock = reviews.resume(ReviewExecution.reference(execution), Vars.AUTHORITY.require(execution), Vars.INFORMATION_RESPONSE.get(execution),
                Vars.REVIEW_TIME_LEFT.require(execution), Boolean.TRUE.equals(Vars.REVIEW_WORKING_TIME.get(execution)));

        ReviewExecution.setClock(execution, clock.dueAt(), clock.reminderAt(),
                deadlines.display(clock.dueAt()) + ", the time left when information was requested");
        Vars.TACIT_APPROVAL_ALLOWED.set(execution, reviews.tacitApprovalAllowed(Vars.CONSIGNMENT_REFERENCE.require(execution),
                Vars.AUTHORITY.require(execution)));
        Vars.INFORMATION_ASKED.set(execution, Vars.INFORMATION_REQUEST.get(execution));
        Vars.INFORMATION_REQUEST.clear(execution);
        ReviewExecution.clearDecision(execution);
    }

}
