package org.reliefclearance.emergency;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.springframework.stereotype.Component;

/**
 * Task_InformCustoms: Customs HQ learns the emergency is in force, and where, by e-mail through the
 * outbox (written in this step's transaction, sent once). A notice, not a task: there is nothing for
 * Customs to decide, and the ports' forms already offer the emergency release for covered consignments.
 */
@Component("informCustoms")
class InformCustoms implements JavaDelegate {

    private final EmergencyDeclarations declarations;

    InformCustoms(EmergencyDeclarations declarations) {
        this.declarations = declarations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        declarations.informCustoms(Vars.EMERGENCY_CODE.require(execution));
    }
}
