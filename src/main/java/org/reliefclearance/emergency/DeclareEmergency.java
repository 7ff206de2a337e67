package org.reliefclearance.emergency;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.reliefclearance.forms.FormValues;
import org.springframework.stereotype.Component;

/**
 * Task_DeclareEmergency: stores the emergency from the start form. Runs in the transaction that
 * starts the process, so an invalid or overlapping declaration is refused to the officer.
 */
@Component("declareEmergency")
class DeclareEmergency implements JavaDelegate {

    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private final EmergencyDeclarations declarations;
    private final ZoneId zone;

    DeclareEmergency(EmergencyDeclarations declarations, Clock clock) {
        this.declarations = declarations;
        this.zone = clock.getZone();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Emergency emergency = declarations.declare(
                FormValues.text(execution.getVariable(Vars.EMERGENCY_NAME)),
                FormValues.texts(execution.getVariable(Vars.PROVINCES)),
                FormValues.instant(execution.getVariable(Vars.EMERGENCY_STARTS_AT), zone),
                FormValues.instant(execution.getVariable(Vars.EMERGENCY_ENDS_AT), zone),
                declaredBy(execution));

        execution.setProcessBusinessKey(emergency.code());
        execution.setVariable(Vars.EMERGENCY_CODE, emergency.code());
        execution.setVariable(Vars.EMERGENCY_STARTS_AT, Date.from(emergency.startsAt().toInstant()));
        execution.setVariable(Vars.EMERGENCY_ENDS_AT, Date.from(emergency.endsAt().toInstant()));
        execution.setVariable(Vars.EMERGENCY_PERIOD, PERIOD.format(emergency.startsAt().atZoneSameInstant(zone))
                + " to " + PERIOD.format(emergency.endsAt().atZoneSameInstant(zone)) + " (" + zone.getId() + ")");
    }

    private static String declaredBy(DelegateExecution execution) {
        String user = FormValues.text(execution.getVariable(Vars.DECLARED_BY));
        return user != null ? user : "unknown";
    }
}
