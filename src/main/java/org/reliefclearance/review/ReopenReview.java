package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/**
 * Task_ReopenReview: the head of the authority or the coordinators extended the deadline or reassigned
 * the review; back to the reviewers.
 */
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
        boolean reassign = Vars.OVERDUE_ACTION.require(execution) == OverdueReviewAction.REASSIGN;
        String assignee = reassign ? Vars.REASSIGN_TO.get(execution) : null;
        AuthorityReviews.Clock clock = reviews.reopen(ReviewExecution.reference(execution), Vars.AUTHORITY.require(execution), reassign,
                Vars.NEW_DEADLINE.instantIn(execution, deadlines.calendar().zone()), assignee,
                ReviewExecution.decidedBy(execution), Vars.OVERDUE_REASON.get(execution));

        ReviewExecution.setClock(execution, clock.dueAt(), clock.reminderAt(),
                deadlines.display(clock.dueAt()) + (reassign ? ", reassigned" : ", extended") + " after the deadline passed");
        Vars.REVIEW_ASSIGNEE.set(execution, assignee);
        Vars.TACIT_APPROVAL_ALLOWED.set(execution, reviews.tacitApprovalAllowed(Vars.CONSIGNMENT_REFERENCE.require(execution),
                Vars.AUTHORITY.require(execution)));
        ReviewExecution.clearDecision(execution);
    }

}
