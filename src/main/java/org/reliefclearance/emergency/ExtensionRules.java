package org.reliefclearance.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.reliefclearance.emergency.NationalEmergency.Action;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.reliefclearance.forms.FormContract.Violation;
import org.reliefclearance.forms.FormValues;
import org.reliefclearance.forms.StepRules;
import org.springframework.stereotype.Component;

/** An extension names a new end later than the current one; the same rule as the API's. */
@Component
class ExtensionRules implements StepRules {

    private final Clock clock;
    private final EmergencyState emergencies;

    ExtensionRules(Clock clock, EmergencyState emergencies) {
        this.clock = clock;
        this.emergencies = emergencies;
    }

    @Override
    public Set<String> formIds() {
        return Set.of("end-emergency");
    }

    @Override
    public List<Violation> check(Submission submission) {
        List<Violation> violations = new ArrayList<>();
        if (!Action.EXTEND.name().equals(submission.values().get(Vars.EMERGENCY_ACTION.name()))) {
            return violations;
        }
        Instant newEndsAt = FormValues.instant(submission.values().get(Vars.NEW_ENDS_AT.name()), clock.getZone());
        // the end as stored, not as the form showed it: an extension by the API meanwhile counts
        String code = FormValues.text(submission.current().get(Vars.EMERGENCY_CODE.name()));
        Instant currentEnd = code == null ? null
                : emergencies.find(code).map(e -> e.endsAt().toInstant()).orElse(null);
        if (newEndsAt == null) {
            violations.add(submission.violation(Vars.NEW_ENDS_AT.name(), "is required to extend the emergency"));
        } else if (currentEnd != null && !newEndsAt.isAfter(currentEnd)) {
            violations.add(submission.violation(Vars.NEW_ENDS_AT.name(), "must come after the current end"));
        }
        return violations;
    }
}
