package org.reliefclearance.clearance.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.clearance.StartFormNotification;
import org.reliefclearance.consignment.NewConsignment;
import org.reliefclearance.forms.FormContract.Violation;
import org.reliefclearance.forms.StepRules;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * A notification submitted from the Tasklist start form keeps the same rules as one posted to
 * {@code POST /api/consignments}: the form's values become the API's request and pass the API's
 * validation, each problem reported against the form field it came from.
 */
@Component
class StartFormRules implements StepRules {

    static final String FORM = "submit-notification";
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");
    private static final Map<String, String> FIELDS = Map.of("portOfEntry", ClearanceProcess.Vars.PORT_CODE.name(),
            "lines", ClearanceProcess.Vars.lineField(1, "Description"));

    private final StartFormNotification form;
    private final Registry registry;
    private final Validator validator;

    StartFormRules(StartFormNotification form, Registry registry, Validator validator) {
        this.form = form;
        this.registry = registry;
        this.validator = validator;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(FORM);
    }

    @Override
    public List<Violation> check(Submission submission) {
        Optional<Organisation> organisation = registry.organisationOfGroups(submission.groups());
        if (organisation.isEmpty()) {
            return List.of(submission.violation(ClearanceProcess.Vars.PORT_CODE.name(),
                    "cannot be notified: only a member of a registered organisation notifies a consignment"));
        }
        Function<String, Object> values = submission.values()::get;
        NewConsignment notification;
        try {
            notification = form.read(values, organisation.get().code());
        } catch (IllegalArgumentException unreadable) {
            return List.of(submission.violation(ClearanceProcess.Vars.lineField(1, "Description"),
                    "cannot be read: " + unreadable.getMessage()));
        }
        List<Integer> slots = StartFormNotification.filledSlots(values);
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<NotificationRequest> v : validator.validate(NotificationRequest.of(notification))) {
            violations.add(submission.violation(formKey(v.getPropertyPath().toString(), slots), v.getMessage()));
        }
        return violations;
    }

    /** {@code lines[1].hsCode} is the second filled slot's HS code field, e.g. {@code line2HsCode}. */
    private static String formKey(String apiField, List<Integer> slots) {
        Matcher line = LINE_FIELD.matcher(apiField);
        if (line.matches()) {
            int index = Integer.parseInt(line.group(1));
            String field = line.group(2);
            return ClearanceProcess.Vars.lineField(slots.get(index),
                    Character.toUpperCase(field.charAt(0)) + field.substring(1));
        }
        return FIELDS.getOrDefault(apiField, apiField);
    }
}
