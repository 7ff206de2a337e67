package org.reliefclearance.emergency;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.springframework.stereotype.Component;

/** Task_EndEmergency: the period is over or someone ended it early; deadlines are normal again. */
@Component("endEmergency")
class EndEmergency implements JavaDelegate {

    static final String PERIOD_OVER = "system";

    private final EmergencyDeclarations declarations;

    EndEmergency(EmergencyDeclarations declarations) {
        this.declarations = declarations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String endedBy = Vars.ENDED_BY.get(execution);
        declarations.end(Vars.EMERGENCY_CODE.require(execution), endedBy != null ? endedBy : PERIOD_OVER,
                Vars.END_REASON.get(execution));
    }
}
