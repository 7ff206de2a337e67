package org.reliefclearance.forms;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a step's submission must keep beyond what its form can say, checked at the engine's door
 * before the step runs: the same business rules the application API applies to the same facts.
 */
public interface StepRules {

    /** The forms whose submissions these rules check. */
    Set<String> formIds();

    /** @return the values that break a rule, each naming the form field */
    List<FormContract.Violation> check(Submission submission);

    /**
     * @param values  what the caller submitted, as plain values
     * @param current the variables the form was shown with
     */
    record Submission(FormSchema form, String userId, List<String> groups, Map<String, Object> values,
                      Map<String, Object> current) {

        /** A violation naming the field as the form labels it. */
        public FormContract.Violation violation(String key, String problem) {
            FormField field = form.field(key);
            return new FormContract.Violation(key, (field == null ? key : field.describe()) + " " + problem);
        }
    }
}
