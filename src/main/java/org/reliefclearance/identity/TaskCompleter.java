package org.reliefclearance.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who completes a user task: the official logged in to Tasklist (or the engine REST API), else the
 * assignee, for a completion made by the application on someone's behalf.
 */
@Component
public class TaskCompleter {

    private final IdentityService identity;

    TaskCompleter(IdentityService identity) {
        this.identity = identity;
    }

    /** The completing user's id, or null when neither a login nor an assignee names one. */
    public String of(DelegateTask task) {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId()
                : task.getAssignee();
    }
}
