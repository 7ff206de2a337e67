package org.reliefclearance.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One field of a form and what it accepts.
 *
 * @param hideConditions FEEL conditions (own and enclosing groups'); the field is hidden when any holds
 * @param values         the options a select, radio, checklist or tag list offers, when fixed in the form
 * @param valuesKey      the variable holding the options (a list of {label, value}), when they vary per case
 */
public record FormField(String key, String type, String label, String subtype, boolean readonly,
                        List<String> hideConditions, Rules rules, List<String> values, String valuesKey) {

    /** form-js {@code validate}: what the browser checks, and the server checks again. */
    public record Rules(boolean required, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max,
                        Pattern pattern, String validationType) {
    }

    public boolean multipleValues() {
        return type.equals("checklist") || type.equals("taglist");
    }

    public boolean hasOptions() {
        return !values.isEmpty() || valuesKey != null;
    }

    /** "Reason / ເຫດຜົນ (reviewReason)": how a refusal names the field to an official. */
    public String describe() {
        return label.equals(key) ? key : label + " (" + key + ")";
    }
}
