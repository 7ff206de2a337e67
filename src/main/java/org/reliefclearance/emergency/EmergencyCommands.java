package org.reliefclearance.emergency;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.consignment.ActionForbiddenException;
import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.consignment.WrongStateException;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.reliefclearance.registry.OfficialGroup.Role;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declaring and extending emergencies through the application API, for MoLSW only. Both go through
 * {@code national-emergency} (a start, the EmergencyExtended message), so the process keeps the timers;
 * who acted is the caller's authentication.
 */
@Service
public class EmergencyCommands {

    private final RuntimeService runtime;
    private final EmergencyState state;
    private final Registry registry;

    EmergencyCommands(RuntimeService runtime, EmergencyState state, Registry registry) {
        this.runtime = runtime;
        this.state = state;
        this.registry = registry;
    }

    @Transactional
    public Emergency declare(String name, List<String> provinces, Instant startsAt, Instant endsAt, Caller caller) {
        requireMolsw(caller, "declare");
        String code = runtime.createProcessInstanceByKey(NationalEmergency.KEY)
                .setVariables(Variables.createVariables()
                        .putValue(Vars.EMERGENCY_NAME.name(), name)
                        .putValue(Vars.PROVINCES.name(), Vars.PROVINCES.stored(List.copyOf(provinces)))
                        .putValue(Vars.EMERGENCY_STARTS_AT.name(), Vars.EMERGENCY_STARTS_AT.stored(startsAt))
                        .putValue(Vars.EMERGENCY_ENDS_AT.name(), Vars.EMERGENCY_ENDS_AT.stored(endsAt))
                        .putValue(Vars.DECLARED_BY.name(), caller.userId()))
                .executeWithVariablesInReturn().getVariables().getValue(Vars.EMERGENCY_CODE.name(), String.class);
        return state.find(code).orElseThrow();
    }

    @Transactional
    public Emergency extend(String code, Instant newEndsAt, String reason, Caller caller) {
        requireMolsw(caller, "extend");
        Emergency emergency = state.find(code).orElseThrow(() -> new EmergencyNotFoundException(code));
        if (!Emergency.ACTIVE.equals(emergency.status())) {
            throw new WrongStateException("Emergency " + code + " has ended; declare a new one");
        }
        if (!newEndsAt.isAfter(emergency.endsAt().toInstant())) {
            throw new InvalidInputException("endsAt", "must come after the current end, " + emergency.endsAt());
        }
        if (runtime.createExecutionQuery().processInstanceBusinessKey(code)
                .messageEventSubscriptionName(NationalEmergency.Messages.EMERGENCY_EXTENDED).count() == 0) {
            throw new WrongStateException("Emergency " + code + " has not started yet; it can be extended once in force");
        }
        runtime.createMessageCorrelation(NationalEmergency.Messages.EMERGENCY_EXTENDED)
                .processInstanceBusinessKey(code)
                .setVariable(Vars.NEW_ENDS_AT.name(), Vars.NEW_ENDS_AT.stored(newEndsAt))
                .setVariable(Vars.EXTENDED_BY.name(), caller.userId())
                .setVariable(Vars.EXTENSION_REASON.name(), reason)
                .correlate();
        return state.find(code).orElseThrow();
    }

    private void requireMolsw(Caller caller, String what) {
        if (!registry.rolesOfGroups(caller.groups()).contains(Role.MOLSW)) {
            throw new ActionForbiddenException("Only MoLSW officers " + what + " emergencies");
        }
    }
}
