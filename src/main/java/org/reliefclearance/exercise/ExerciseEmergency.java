package org.reliefclearance.exercise;

import java.time.Instant;

import org.reliefclearance.emergency.EmergencyDeclarations;

/**
 * The one place an exercise declares and ends its emergency: through the service's declarations, as
 * MoLSW's national-emergency process does, so deadlines shorten as they would. A change to what a
 * declaration holds (e.g. its provinces) is adapted here only.
 */
class ExerciseEmergency {

    static final String DECLARED_BY = "exercise-facilitator";

    private final EmergencyDeclarations declarations;

    ExerciseEmergency(EmergencyDeclarations declarations) {
        this.declarations = declarations;
    }

    /** Returns the emergency's code. */
    String declare(Scenario.EmergencyPlan plan, Instant now) {
        return declarations.declare(plan.name(), plan.provinces(), now, now.plus(plan.lasts()), DECLARED_BY).code();
    }

    void end(String code) {
        declarations.end(code, DECLARED_BY, "The exercise ended");
    }
}
