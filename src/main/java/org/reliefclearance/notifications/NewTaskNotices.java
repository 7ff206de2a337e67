package org.reliefclearance.notifications;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process, as it is created: the engine's Spring event bridge
 * ({@code camunda.bpm.eventing.task}) hands each task event to this listener synchronously, inside
 * the engine's transaction, after the task has its candidates and due date. No model names it, so a
 * new task in a diagram notifies its group without an edit.
 */
@Component
class NewTaskNotices {

    private final Notices notices;

    NewTaskNotices(Notices notices) {
        this.notices = notices;
    }

    @EventListener
    void on(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            notices.taskCreated(task);
        }
    }
}
