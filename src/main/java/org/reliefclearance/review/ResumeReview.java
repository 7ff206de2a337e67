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
        ReviewExecution review = ReviewExecution.of(execution);
        AuthorityReviews.Clock clock = reviews.resume(review.reference(), review.authority(),
                review.text(Vars.INFORMATION_RESPONSE), review.reviewTimeLeft(), review.reviewWorkingTime());

        review.setClock(clock.dueAt(), clock.reminderAt(),
                deadlines.display(clock.dueAt()) + ", the time left when information was requested");
        review.set(Vars.TACIT_APPROVAL_ALLOWED, reviews.tacitApprovalAllowed(review.authority()));
        review.set(Vars.INFORMATION_ASKED, review.text(Vars.INFORMATION_REQUEST));
        review.set(Vars.INFORMATION_REQUEST, null);
        review.clearDecision();
    }
}
