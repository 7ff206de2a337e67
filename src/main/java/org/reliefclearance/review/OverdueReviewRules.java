package org.reliefclearance.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.forms.FormContract.Violation;
import org.reliefclearance.forms.FormValues;
import org.reliefclearance.forms.StepRules;
import org.reliefclearance.identity.ServiceReads;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * For the head of the authority and the coordinators alike: an overdue review goes back to the reviewers only with a deadline in the future (required when
 * extending), and only to an official of the reviewing authority's own group.
 */
@Component
class OverdueReviewRules implements StepRules {

    private final ObjectProvider<IdentityService> identity;
    private final ObjectProvider<Deadlines> deadlines;
    private final ServiceReads reads;

    OverdueReviewRules(ObjectProvider<IdentityService> identity, ObjectProvider<Deadlines> deadlines,
                       ServiceReads reads) {
        this.identity = identity;
        this.deadlines = deadlines;
        this.reads = reads;
    }

    @Override
    public Set<String> formIds() {
        return Set.of("decide-overdue-review", "handle-overdue-review");
    }

    @Override
    public List<Violation> check(Submission submission) {
        List<Violation> violations = new ArrayList<>();
        String action = FormValues.text(submission.values().get(Vars.OVERDUE_ACTION.name()));
        boolean extend = OverdueReviewAction.EXTEND.name().equals(action);
        boolean reassign = OverdueReviewAction.REASSIGN.name().equals(action);
        Object given = submission.values().get(Vars.NEW_DEADLINE.name());
        // the form asks a new deadline only when extending, and requires it there
        if (extend) {
            Instant deadline = FormValues.instant(given, deadlines.getObject().calendar().zone());
            if (deadline != null && !deadline.isAfter(deadlines.getObject().now())) {
                violations.add(submission.violation(Vars.NEW_DEADLINE.name(), "must lie in the future"));
            }
        }
        String assignee = FormValues.text(submission.values().get(Vars.REASSIGN_TO.name()));
        String group = FormValues.text(submission.current().get(Vars.REVIEW_GROUP.name()));
        if (reassign && assignee != null && (group == null || reads.read(() -> identity.getObject().createUserQuery()
                .userId(assignee).memberOfGroup(group).count()) == 0)) {
            violations.add(submission.violation(Vars.REASSIGN_TO.name(), "must be an official of the reviewing authority ("
                    + group + ")"));
        }
        return violations;
    }
}
