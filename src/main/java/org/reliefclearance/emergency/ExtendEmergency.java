package org.reliefclearance.emergency;

import java.time.Clock;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.springframework.stereotype.Component;

/**
 * Task_ExtendEmergency: moves the end of the emergency later (from the officer's task or the
 * EmergencyExtended message). Back at Task_EndEmergencyEarly the period-over timer is created again
 * from the new end. An end not later than the current one is refused, so nothing changes.
 */
@Component("extendEmergency")
class ExtendEmergency implements JavaDelegate {

    private final EmergencyDeclarations declarations;
    private final ZoneId zone;

    ExtendEmergency(EmergencyDeclarations declarations, Clock clock) {
        this.declarations = declarations;
        this.zone = clock.getZone();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String extendedBy = Vars.EXTENDED_BY.get(execution);
        Emergency extended = declarations.extend(Vars.EMERGENCY_CODE.require(execution),
                Vars.NEW_ENDS_AT.instantIn(execution, zone), extendedBy != null ? extendedBy : "unknown",
                Vars.EXTENSION_REASON.get(execution) != null ? Vars.EXTENSION_REASON.get(execution)
                        : Vars.END_REASON.get(execution));
        Vars.EMERGENCY_ENDS_AT.set(execution, extended.endsAt().toInstant());
        Vars.EMERGENCY_PERIOD.set(execution, DeclareEmergency.period(extended, zone));
        // the choice and reason belong to this round of the task, not the next one
        execution.removeVariable(Vars.EMERGENCY_ACTION.name());
        execution.removeVariable(Vars.END_REASON.name());
        execution.removeVariable(Vars.NEW_ENDS_AT.name());
    }
}
