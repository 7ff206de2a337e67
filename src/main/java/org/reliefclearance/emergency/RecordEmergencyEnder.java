package org.reliefclearance.emergency;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.springframework.stereotype.Component;

/** Completion listener of Task_EndEmergencyEarly: the officer who ended the emergency. */
@Component("recordEmergencyEnder")
class RecordEmergencyEnder implements TaskListener {

    private final IdentityService identity;

    RecordEmergencyEnder(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication authentication = identity.getCurrentAuthentication();
        String user = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
                : task.getAssignee();
        task.getExecution().setVariable(Vars.ENDED_BY, user != null ? user : "unknown");
    }
}
