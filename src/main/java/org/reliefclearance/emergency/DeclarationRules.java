package org.reliefclearance.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.reliefclearance.forms.FormContract.Violation;
import org.reliefclearance.forms.FormValues;
import org.reliefclearance.forms.StepRules;
import org.springframework.stereotype.Component;

/**
 * A declared emergency ends after it starts and is not over already. It may overlap others in force:
 * each covers its own provinces.
 */
@Component
class DeclarationRules implements StepRules {

    private final Clock clock;

    DeclarationRules(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> formIds() {
        return Set.of("declare-emergency");
    }

    @Override
    public List<Violation> check(Submission submission) {
        Instant startsAt = FormValues.instant(submission.values().get(Vars.EMERGENCY_STARTS_AT.name()), clock.getZone());
        Instant endsAt = FormValues.instant(submission.values().get(Vars.EMERGENCY_ENDS_AT.name()), clock.getZone());
        List<Violation> violations = new ArrayList<>();
        if (startsAt == null || endsAt == null) {
            return violations;
        }
        if (!endsAt.isAfter(startsAt)) {
            violations.add(submission.violation(Vars.EMERGENCY_ENDS_AT.name(), "must come after the start"));
        } else if (!endsAt.isAfter(clock.instant())) {
            violations.add(submission.violation(Vars.EMERGENCY_ENDS_AT.name(), "is already over"));
        }
        return violations;
    }
}
