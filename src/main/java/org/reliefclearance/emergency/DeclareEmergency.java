package org.reliefclearance.emergency;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.springframework.stereotype.Component;

/**
 * Task_DeclareEmergency: stores the emergency and the provinces it covers from the start form. Runs in
 * the transaction that starts the process, so an invalid declaration is refused to the officer.
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
        List<String> provinces = Vars.PROVINCES.get(execution);
        Emergency emergency = declarations.declare(Vars.EMERGENCY_NAME.get(execution),
                provinces == null ? List.of() : provinces,
                Vars.EMERGENCY_STARTS_AT.instantIn(execution, zone), Vars.EMERGENCY_ENDS_AT.instantIn(execution, zone),
                declaredBy(execution));

        execution.setProcessBusinessKey(emergency.code());
        Vars.EMERGENCY_CODE.set(execution, emergency.code());
        Vars.EMERGENCY_STARTS_AT.set(execution, emergency.startsAt().toInstant());
        Vars.EMERGENCY_ENDS_AT.set(execution, emergency.endsAt().toInstant());
        Vars.EMERGENCY_PERIOD.set(execution, period(emergency, zone));
    }

    /** The period in local time, for the officers' task. */
    static String period(Emergency emergency, ZoneId zone) {
        return PERIOD.format(emergency.startsAt().atZoneSameInstant(zone))
                + " to " + PERIOD.format(emergency.endsAt().atZoneSameInstant(zone)) + " (" + zone.getId() + ")";
    }

    private static String declaredBy(DelegateExecution execution) {
        String user = Vars.DECLARED_BY.get(execution);
        return user != null ? user : "unknown";
    }
}
