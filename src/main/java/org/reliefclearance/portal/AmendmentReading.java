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
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;

import org.reliefclearance.clearance.ConsignmentActions;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.NewConsignment;

/**
 * The amendment form read as the API's amendment, holding only what differs from the notification:
 * the arrival when another time was typed, the transport document's type or number when changed, the
 * rows of lines that differ from their line (with its {@code lineNo}) and new rows; unchanged values
 * are not sent, so the API's rules see only what the organisation changed. The API's problems are put
 * back on the form's own rows ({@code lines[0]} of the amendment may be the form's third row).
 */
record AmendmentReading(ConsignmentActions.Amendment amendment, Map<String, String> errors, List<Integer> rows) {

    static AmendmentReading of(AmendmentForm form, Consignment c, List<ConsignmentLine> current, ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<Integer, ConsignmentLine> byNo = new LinkedHashMap<>();
        current.forEach(l -> byNo.put(l.lineNo(), l));
        List<Integer> rows = new ArrayList<>();
        List<ConsignmentActions.AmendedLine> lines = new ArrayList<>();
        for (int i = 0; i < form.getLines().size(); i++) {
            AmendmentForm.Row row = form.getLines().get(i);
            if (row.getLineNo() == null && row.blank()) {
                continue;
            }
            String at = "lines[" + i + "].";
            int before = errors.size();
            BiConsumer<String, String> problem = (field, message) -> errors.putIfAbsent(at + field, message);
            NewConsignment.Line goods = new NewConsignment.Line(trim(row.getDescription()), trim(row.getHsCode()),
                    trim(row.getCategory()), NotificationReading.number(row.getQuantity(), "quantity", problem),
                    trim(row.getUnit()), NotificationReading.number(row.getValueUsd(), "valueUsd", problem),
                    NotificationReading.number(row.getGrossWeightKg(), "grossWeightKg", problem));
            ConsignmentLine was = row.getLineNo() == null ? null : byNo.get(row.getLineNo());
            if (was != null && errors.size() == before && same(was, goods)) {
                continue;
            }
            rows.add(i);
            lines.add(new ConsignmentActions.AmendedLine(row.getLineNo(), goods));
        }
        OffsetDateTime arrival = null;
        String typedArrival = trim(form.getExpectedArrival());
        if (!Objects.equals(typedArrival, AmendmentForm.arrival(c, zone))) {
            try {
                arrival = LocalDateTime.parse(typedArrival == null ? "" : typedArrival).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                errors.put("expectedArrival", "must be a date and time");
            }
        }
        // a value erased is sent blank, for the API's rules to refuse; an unchanged one is not sent
        String type = changed(form.getTransportDocumentType(), c.transportDocumentType());
        String number = changed(form.getTransportDocumentNumber(), c.transportDocumentNumber());
        ConsignmentActions.Amendment amendment = new ConsignmentActions.Amendment(trim(form.getReason()), arrival, type,
                number, lines);
        return new AmendmentReading(amendment, errors, rows);
    }

    /** Everything was read and nothing differs from the notification. */
    boolean changesNothing() {
        return errors.isEmpty() && amendment.expectedArrival() == null && amendment.transportDocumentType() == null
                && amendment.transportDocumentNumber() == null && amendment.lines().isEmpty();
    }

    /** Adds the API's problems (or the service's), each on the form field it came from. */
    AmendmentReading withProblems(Map<String, String> apiProblems) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        apiProblems.forEach((field, message) -> all.putIfAbsent(formField(field), message));
        return new AmendmentReading(amendment, all, rows);
    }

    private String formField(String apiField) {
        Matcher line = NotificationReading.LINE_FIELD.matcher(apiField);
        if (line.matches() && Integer.parseInt(line.group(1)) < rows.size()) {
            return "lines[" + rows.get(Integer.parseInt(line.group(1))) + "]" + (line.group(2) == null ? "" : line.group(2));
        }
        return apiField;
    }

    private static boolean same(ConsignmentLine was, NewConsignment.Line typed) {
        return Objects.equals(was.description(), typed.description()) && Objects.equals(was.hsCode(), typed.hsCode())
                && Objects.equals(was.category(), typed.category()) && Objects.equals(was.unit(), typed.unit())
                && sameNumber(was.quantity(), typed.quantity()) && sameNumber(was.valueUsd(), typed.valueUsd())
                && sameNumber(was.grossWeightKg(), typed.grossWeightKg());
    }

    private static boolean sameNumber(BigDecimal was, BigDecimal typed) {
        return was == null || typed == null ? was == typed : was.compareTo(typed) == 0;
    }

    /** The typed value when it differs from the notification's (blank when erased), else null. */
    private static String changed(String typed, String was) {
        String value = typed == null ? "" : typed.trim();
        return value.equals(was == null ? "" : was) ? null : value;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
