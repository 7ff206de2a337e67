package org.reliefclearance.portal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reliefclearance.clearance.ConsignmentActions;

/**
 * The portal's distribution form read as the API's {@code distributedQuantities}: blank rows left
 * out, lines and quantities parsed, and the API's problems put back on the form's own fields
 * ({@code distributedQuantities[1].province} of the API may be the form's third row).
 */
record DistributionReading(List<ConsignmentActions.DistributedQuantity> quantities, Map<String, String> errors,
                           List<Integer> rows) {

    /** A field of an entry of the API's report, {@code distributedQuantities[2].province}. */
    private static final Pattern API_FIELD = Pattern.compile("distributedQuantities\\[(\\d+)](?:\\.(\\w+))?");
    private static final Map<String, String> FORM_FIELDS = Map.of("lineNo", "line", "quantity", "quantity",
            "province", "province", "place", "place");

    static DistributionReading of(DistributionForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Integer> rows = new ArrayList<>();
        List<ConsignmentActions.DistributedQuantity> quantities = new ArrayList<>();
        for (int i = 0; i < form.getRows().size(); i++) {
            DistributionForm.Row row = form.getRows().get(i);
            if (row.blank()) {
                continue;
            }
            rows.add(i);
            quantities.add(new ConsignmentActions.DistributedQuantity(line(row.getLine(), "rows[" + i + "].line", errors),
                    quantity(row.getQuantity(), "rows[" + i + "].quantity", errors), trim(row.getProvince()),
                    trim(row.getPlace())));
        }
        return new DistributionReading(quantities, errors, rows);
    }

    /** Adds the API's or the service's problems, each on the form field it came from (one typed wrong keeps its own). */
    DistributionReading withProblems(Map<String, String> apiProblems) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        apiProblems.forEach((field, message) -> all.putIfAbsent(formField(field), message));
        return new DistributionReading(quantities, all, rows);
    }

    String formField(String apiField) {
        Matcher entry = API_FIELD.matcher(apiField);
        if (entry.matches() && Integer.parseInt(entry.group(1)) < rows.size()) {
            String row = "rows[" + rows.get(Integer.parseInt(entry.group(1))) + "]";
            return entry.group(2) == null ? row : row + "." + FORM_FIELDS.getOrDefault(entry.group(2), entry.group(2));
        }
        return apiField.equals("distributedQuantities") ? "rows" : apiField;
    }

    private static int line(String typed, String field, Map<String, String> errors) {
        try {
            return Integer.parseInt(typed == null ? "" : typed.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "choose a line of the consignment");
            return 0;
        }
    }

    private static BigDecimal quantity(String typed, String field, Map<String, String> errors) {
        if (NotificationForm.isBlank(typed)) {
            errors.put(field, "must not be blank");
            return null;
        }
        try {
            return new BigDecimal(typed.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put(field, "must be a number");
            return null;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
