package org.reliefclearance.clearance.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.clearance.StartFormNotification;
import org.reliefclearance.consignment.NewConsignment;
import org.reliefclearance.forms.FormContract.Violation;
import org.reliefclearance.forms.StepRules;
import org.reliefclearance.registry.OfficialGroup.Role;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.screening.ConsigneeEligibility;
import org.reliefclearance.screening.EligibilityOutcome;
import org.springframework.stereotype.Component;

/**
 * A notification submitted from the Tasklist start form keeps the same rules as one posted to
 * {@code POST /api/consignments}: the form's values become the API's request and pass the API's
 * validation ({@link NotificationRules}), each problem reported against the form field it came from.
 *
 * <p>Only MoLSW officials notify from Tasklist, on an organisation's behalf (organisations notify in
 * the portal or through {@code /api}, and have no engine access). The official names the organisation
 * in the form's {@code organisation} field; it must be one that may import relief today, by the very
 * judgement of the SOP's eligibility step ({@link ConsigneeEligibility}), so a case is never started
 * for an unknown or suspended organisation. The field is a text field for the registry code, not a
 * select: the registry is rows that change without a redeployment (a new organisation, a suspension,
 * an MoU that lapses), so options written into the form would drift from it, and Tasklist 7 gives a
 * start form no variables to fill a select's options from ({@code valuesKey}); the check here, against
 * the registry itself, is what holds.
 */
@Component
class StartFormRules implements StepRules {

    static final String FORM = "submit-notification";
    private static final String ORGANISATION = ClearanceProcess.Vars.ORGANISATION.name();
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");
    private static final Map<String, String> FIELDS = Map.of("portOfEntry", ClearanceProcess.Vars.PORT_CODE.name(),
            "lines", ClearanceProcess.Vars.lineField(1, "Description"));

    private final StartFormNotification form;
    private final Registry registry;
    private final ConsigneeEligibility eligibility;
    private final NotificationRules rules;

    StartFormRules(StartFormNotification form, Registry registry, ConsigneeEligibility eligibility,
                   NotificationRules rules) {
        this.form = form;
        this.registry = registry;
        this.eligibility = eligibility;
        this.rules = rules;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(FORM);
    }

    @Override
    public List<Violation> check(Submission submission) {
        if (!registry.rolesOfGroups(submission.groups()).contains(Role.MOLSW)) {
            return List.of(submission.violation(ORGANISATION, "cannot be notified for by this user: only MoLSW"
                    + " officials notify from Tasklist, on an organisation's behalf; organisations notify in the"
                    + " portal or through /api"));
        }
        Function<String, Object> values = submission.values()::get;
        String organisation = StartFormNotification.organisationNamed(values);
        ConsigneeEligibility.Result standing = eligibility.assess(organisation);
        // an organisation waiting for recognition may be notified for: its case waits for MoLSW's decision
        if (standing.outcome() == EligibilityOutcome.NOT_ELIGIBLE) {
            return List.of(submission.violation(ORGANISATION, "cannot be notified for: " + standing.reason()));
        }
        NewConsignment notification;
        try {
            notification = form.read(values, organisation);
        } catch (IllegalArgumentException unreadable) {
            return List.of(submission.violation(ClearanceProcess.Vars.lineField(1, "Description"),
                    "cannot be read: " + unreadable.getMessage()));
        }
        List<Integer> slots = StartFormNotification.filledSlots(values);
        List<Violation> violations = new ArrayList<>();
        rules.problems(notification).forEach((field, problem) ->
                violations.add(submission.violation(formKey(field, slots), problem)));
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
