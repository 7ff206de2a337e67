package org.reliefclearance.clearance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.reliefclearance.forms.FormContract.Violation;
import org.reliefclearance.forms.StepRules;
import org.springframework.stereotype.Component;

/** A partial exemption waives at most the duties and taxes the releasable lines would pay. */
@Component
class ExemptionRules implements StepRules {

    @Override
    public Set<String> formIds() {
        return Set.of("decide-exemption");
    }

    @Override
    public List<Violation> check(Submission submission) {
        List<Violation> violations = new ArrayList<>();
        BigDecimal entered = amount(submission.values().get(ClearanceProcess.Vars.WAIVED_VALUE_USD.name()));
        BigDecimal forgone = amount(submission.current().get(ClearanceProcess.Vars.DUTIES_AND_TAXES_USD.name()));
        if (entered != null && forgone != null && entered.compareTo(forgone) > 0) {
            violations.add(submission.violation(ClearanceProcess.Vars.WAIVED_VALUE_USD.name(),
                    "must not exceed the duties and taxes due without exemption, USD "
                            + forgone.setScale(2, RoundingMode.HALF_UP).toPlainString()));
        }
        return violations;
    }

    private static BigDecimal amount(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s && !s.isBlank()) {
            return new BigDecimal(s.strip());
        }
        return null;
    }
}
