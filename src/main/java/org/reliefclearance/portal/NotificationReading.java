package org.reliefclearance.portal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reliefclearance.consignment.NewConsignment;

/**
 * The portal's form read as the API's notification: blank rows left out, numbers and the arrival
 * time parsed (the arrival in the service's zone, as an organisation in Laos types it), and the
 * API's problems put back on the form's own fields ({@code lines[1]} of the API may be the form's
 * third row).
 */
record NotificationReading(NewConsignment notification, Map<String, String> errors, List<Integer> rows) {

    /** A field of a line, {@code lines[2].hsCode}: the row and, after its dot, the field. */
    static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)](\\..+)?");

    static NotificationReading of(NotificationForm form, String organisation, ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Integer> rows = new ArrayList<>();
        List<NewConsignment.Line> lines = new ArrayList<>();
        for (int i = 0; i < form.getLines().size(); i++) {
            NotificationForm.LineForm row = form.getLines().get(i);
            if (row.blank()) {
                continue;
            }
            String at = "lines[" + i + "].";
            BiConsumer<String, String> problem = (field, message) -> errors.putIfAbsent(at + field, message);
            rows.add(i);
            lines.add(new NewConsignment.Line(trim(row.getDescription()), trim(row.getHsCode()), trim(row.getCategory()),
                    number(row.getQuantity(), "quantity", problem), trim(row.getUnit()),
                    number(row.getValueUsd(), "valueUsd", problem), number(row.getGrossWeightKg(), "grossWeightKg", problem)));
        }
        OffsetDateTime arrival = null;
        if (!NotificationForm.isBlank(form.getExpectedArrival())) {
            try {
                arrival = LocalDateTime.parse(form.getExpectedArrival().trim()).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                errors.put("expectedArrival", "must be a date and time");
            }
        }
        NewConsignment notification = new NewConsignment(organisation, trim(form.getPortOfEntry()),
                trim(form.getDestinationProvince()), arrival,
                trim(form.getTransportDocumentType()), trim(form.getTransportDocumentNumber()), trim(form.getDonor()),
                form.isProvisionalDeclaration(), lines);
        return new NotificationReading(notification, errors, rows);
    }

    /** Adds the API's problems, each on the form field it came from. */
    NotificationReading withProblems(Map<String, String> apiProblems) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        apiProblems.forEach((field, message) -> all.putIfAbsent(formField(field), message));
        return new NotificationReading(notification, all, rows);
    }

    private String formField(String apiField) {
        Matcher line = LINE_FIELD.matcher(apiField);
        if (line.matches() && Integer.parseInt(line.group(1)) < rows.size()) {
            return "lines[" + rows.get(Integer.parseInt(line.group(1))) + "]" + (line.group(2) == null ? "" : line.group(2));
        }
        return apiField;
    }

    static BigDecimal number(String typed, String field, BiConsumer<String, String> problem) {
        if (NotificationForm.isBlank(typed)) {
            return null;
        }
        try {
            return new BigDecimal(typed.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            problem.accept(field, "must be a number");
            return null;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
