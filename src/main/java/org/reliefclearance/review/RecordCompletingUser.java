package org.reliefclearance.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.reliefclearance.identity.TaskCompleter;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

/**
 * Completion listener of the review and overdue tasks: remembers who decided, since the
 * following service task records the decision.
 */
@Component("recordCompletingUser")
class RecordCompletingUser implements TaskListener {

    private final TaskCompleter completer;

    RecordCompletingUser(TaskCompleter completer) {
        this.completer = completer;
    }

    @Override
    public void notify(DelegateTask task) {
        Vars.DECIDED_BY.set(task.getExecution(), completer.of(task));
    }
}
