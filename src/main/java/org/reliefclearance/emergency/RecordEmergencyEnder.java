package org.reliefclearance.emergency;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.reliefclearance.identity.TaskCompleter;
import org.springframework.stereotype.Component;

/** Completion listener of Task_EndEmergencyEarly: the officer who ended or extended the emergency. */
@Component("recordEmergencyEnder")
class RecordEmergencyEnder implements TaskListener {

    private final TaskCompleter completer;

    RecordEmergencyEnder(TaskCompleter completer) {
        this.completer = completer;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = completer.of(task);
        String who = user != null ? user : "unknown";
        if (Vars.EMERGENCY_ACTION.get(task.getExecution()) == NationalEmergency.Action.EXTEND) {
            Vars.EXTENDED_BY.set(task.getExecution(), who);
        } else {
            Vars.ENDED_BY.set(task.getExecution(), who);
        }
    }
}
