package org.reliefclearance.clearance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.exemption.Exemptions;
import org.reliefclearance.exemption.Tax;
import org.reliefclearance.forms.FormContract.Violation;
import org.reliefclearance.forms.FormValues;
import org.reliefclearance.forms.StepRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A partial exemption waives at most what the chosen taxes of the chosen lines come to; an amount Customs
 * HQ sets lower than that needs no more, one set higher is refused.
 */
@Component
class ExemptionRules implements StepRules {

    // looked up when a form is submitted: the engine's plugins, these rules among them, exist before the engine
    private final ObjectProvider<Exemptions> exemptions;

    ExemptionRules(ObjectProvider<Exemptions> exemptions) {
        this.exemptions = exemptions;
    }

    @Override
    public Set<String> formIds() {
        return Set.of("decide-exemption");
    }

    @Override
    public List<Violation> check(Submission submission) {
        List<Violation> violations = new ArrayList<>();
        BigDecimal entered = amount(submission.values().get(Vars.WAIVED_VALUE_USD.name()));
        String reference = FormValues.text(submission.current().get(Vars.CONSIGNMENT_REFERENCE.name()));
        if (entered == null || reference == null
                || !"PARTIAL".equals(FormValues.text(submission.values().get(Vars.EXEMPTION_DECISION.name())))) {
            return violations;
        }
        List<Integer> lines = FormValues.integers(submission.values().get(Vars.EXEMPTED_LINES.name()));
        List<Tax> taxes = FormValues.texts(submission.values().get(Vars.EXEMPTED_TAXES.name())).stream()
                .filter(t -> Set.of("IMPORT_DUTY", "EXCISE", "VAT").contains(t)).map(Tax::valueOf).toList();
        BigDecimal forgone = exemptions.getObject().forgone(reference, lines, taxes);
        if (entered.compareTo(forgone) > 0) {
            violations.add(submission.violation(Vars.WAIVED_VALUE_USD.name(),
                    "must not exceed what the exempted lines would pay in the waived taxes, USD "
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
