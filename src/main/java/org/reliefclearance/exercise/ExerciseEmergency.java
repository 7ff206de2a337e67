package org.reliefclearance.exercise;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.emergency.NationalEmergency;
import org.reliefclearance.emergency.NationalEmergency.Vars;

/**
 * The one place an exercise declares and ends its emergency: it starts MoLSW's national-emergency
 * process as the declaration form would, so the exercise teaches what a real declaration does (running
 * deadlines brought forward, Customs HQ told, the officers' task to end or extend it), and ends it with
 * the message an early end sends.
 */
class ExerciseEmergency {

    static final String DECLARED_BY = "exercise-facilitator";

    private final RuntimeService runtime;

    ExerciseEmergency(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Returns the emergency's code. */
    String declare(Scenario.EmergencyPlan plan, Instant now) {
        return runtime.createProcessInstanceByKey(NationalEmergency.KEY)
                .setVariables(Variables.createVariables()
                        .putValue(Vars.EMERGENCY_NAME.name(), plan.name())
                        .putValue(Vars.PROVINCES.name(), Vars.PROVINCES.stored(List.copyOf(plan.provinces())))
                        .putValue(Vars.EMERGENCY_STARTS_AT.name(), Vars.EMERGENCY_STARTS_AT.stored(now))
                        .putValue(Vars.EMERGENCY_ENDS_AT.name(), Vars.EMERGENCY_ENDS_AT.stored(now.plus(plan.lasts())))
                        .putValue(Vars.DECLARED_BY.name(), DECLARED_BY))
                .executeWithVariablesInReturn().getVariables().getValue(Vars.EMERGENCY_CODE.name(), String.class);
    }

    /** Ends it as MoLSW's early end does; an emergency not yet started or already over has nothing to end. */
    void end(String code) {
        runtime.createMessageCorrelation(NationalEmergency.Messages.EMERGENCY_ENDED)
                .processInstanceBusinessKey(code)
                .setVariable(Vars.ENDED_BY.name(), DECLARED_BY)
                .setVariable(Vars.END_REASON.name(), "The exercise ended")
                .correlateAll();
    }
}
