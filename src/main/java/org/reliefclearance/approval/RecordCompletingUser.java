package org.reliefclearance.approval;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.reliefclearance.approval.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/**
 * Completion listener of the review and overdue tasks: remembers who decided (the logged-in
 * official, else the assignee), since the following service task records the decision.
 */
@Component("recordCompletingUser")
class RecordCompletingUser implements TaskListener {

    private final IdentityService identity;

    RecordCompletingUser(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication authentication = identity.getCurrentAuthentication();
        String user = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
                : task.getAssignee();
        task.getExecution().setVariable(Vars.DECIDED_BY, user);
    }
}
