package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.review.LineMinistryReview.OverdueActions;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/** Task_ReopenReview: the coordinator extended the deadline or reassigned the review; back to the reviewers. */
@Component("reopenReview")
class ReopenReview implements JavaDelegate {

    private final AuthorityReviews reviews;
    private final Deadlines deadlines;

    ReopenReview(AuthorityReviews reviews, Deadlines deadlines) {
        this.reviews = reviews;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewExecution review = ReviewExecution.of(execution);
        boolean reassign = OverdueActions.REASSIGN.equals(review.text(Vars.OVERDUE_ACTION));
        String assignee = reassign ? review.text(Vars.REASSIGN_TO) : null;
        AuthorityReviews.Clock clock = reviews.reopen(review.reference(), review.authority(), reassign,
                review.instant(Vars.NEW_DEADLINE, deadlines.calendar().zone()), assignee, review.decidedBy(),
                review.text(Vars.OVERDUE_REASON));

        review.setClock(clock.dueAt(), clock.reminderAt(),
                deadlines.display(clock.dueAt()) + (reassign ? ", reassigned" : ", extended") + " by the coordinators");
        review.set(Vars.REVIEW_ASSIGNEE, assignee);
        review.set(Vars.TACIT_APPROVAL_ALLOWED, reviews.tacitApprovalAllowed(review.authority()));
        review.clearDecision();
    }
}
