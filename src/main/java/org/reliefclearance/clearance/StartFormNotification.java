package org.reliefclearance.clearance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.reliefclearance.consignment.NewConsignment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the Tasklist start form {@code submit-notification} into a notification: a MoLSW official's
 * on an organisation's behalf.
 */
@Component
public class StartFormNotification {

    private final ObjectMapper json;

    private final ZoneId zone;

    StartFormNotification(ObjectMapper json, Clock clock) {
        this.json = json;
        this.zone = clock.getZone();
    }

    public NewConsignment read(VariableScope form, String organisationCode) {
        return read(form::getVariable, organisationCode);
    }

    /** @param form the submitted values by variable name */
    public NewConsignment read(Function<String, Object> form, String organisationCode) {
        Object provisional = form.apply(ClearanceProcess.Vars.PROVISIONAL_DECLARATION.name());
        Object donor = form.apply(ClearanceProcess.Vars.DONOR.name());
        return new NewConsignment(
                organisationCode,
                required(form, ClearanceProcess.Vars.PORT_CODE.name()),
                required(form, ClearanceProcess.Vars.DESTINATION_PROVINCE.name()),
                arrival(form.apply(ClearanceProcess.Vars.EXPECTED_ARRIVAL.name())),
                required(form, ClearanceProcess.Vars.TRANSPORT_DOCUMENT_TYPE.name()),
                required(form, ClearanceProcess.Vars.TRANSPORT_DOCUMENT_NUMBER.name()),
                donor == null || donor.toString().isBlank() ? null : donor.toString().trim(),
                Boolean.TRUE.equals(provisional) || "true".equals(provisional),
                lines(form));
    }

    /**
     * The organisation a MoLSW official names on the form, as its registry code (typed in any case):
     * null when the field is empty. Only a MoLSW starter's naming counts (StartFormRules, RegisterConsignment).
     */
    public static String organisationNamed(Function<String, Object> form) {
        Object value = form.apply(ClearanceProcess.Vars.ORGANISATION.name());
        return value == null || value.toString().isBlank() ? null : value.toString().trim().toUpperCase(Locale.ROOT);
    }

    /**
     * The form's line slots that hold a line, in order: slot 1, and slot n when "add line n" is
     * ticked and a description is given. The n-th line of the notification comes from the n-th slot.
     */
    public static List<Integer> filledSlots(Function<String, Object> form) {
        List<Integer> slots = new ArrayList<>();
        for (int slot = 1; slot <= ClearanceProcess.Vars.START_FORM_LINE_SLOTS; slot++) {
            Object ticked = form.apply(ClearanceProcess.Vars.addLine(slot));
            boolean open = slot == 1 || Boolean.TRUE.equals(ticked) || "true".equals(ticked);
            String description = slotText(form, slot, "Description");
            if (open && description != null && !description.isEmpty()) {
                slots.add(slot);
            }
        }
        return slots;
    }

    /** The lines from the form's line slots, or from a JSON {@code lines} list when the process is started with one. */
    private List<NewConsignment.Line> lines(Function<String, Object> form) {
        Object list = form.apply(ClearanceProcess.Vars.LINES.name());
        if (list != null) {
            return linesFromJson(list);
        }
        List<NewConsignment.Line> lines = new ArrayList<>();
        for (int slot : filledSlots(form)) {
            lines.add(new NewConsignment.Line(slotText(form, slot, "Description"), slotText(form, slot, "HsCode"),
                    slotText(form, slot, "Category"), slotNumber(form, slot, "Quantity"), slotText(form, slot, "Unit"),
                    slotNumber(form, slot, "ValueUsd"), slotNumber(form, slot, "GrossWeightKg")));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("The notification has no lines");
        }
        return lines;
    }

    private static String slotText(Function<String, Object> form, int slot, String field) {
        Object value = form.apply(ClearanceProcess.Vars.lineField(slot, field));
        return value == null ? null : value.toString().trim();
    }

    private static BigDecimal slotNumber(Function<String, Object> form, int slot, String field) {
        String text = slotText(form, slot, field);
        return text == null || text.isEmpty() ? null : new BigDecimal(text);
    }

    private List<NewConsignment.Line> linesFromJson(Object variable) {
        JsonNode rows = tree(variable);
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            throw new IllegalArgumentException("The notification has no lines");
        }
        List<NewConsignment.Line> lines = new ArrayList<>();
        for (JsonNode row : rows) {
            lines.add(new NewConsignment.Line(text(row, "description"), text(row, "hsCode"), text(row, "category"),
                    number(row, "quantity"), text(row, "unit"), number(row, "valueUsd"), number(row, "grossWeightKg")));
        }
        return lines;
    }

    private JsonNode tree(Object variable) {
        try {
            if (variable instanceof SpinJsonNode node) {
                return json.readTree(node.toString());
            }
            if (variable instanceof String text) {
                return json.readTree(text);
            }
            return variable == null ? null : json.valueToTree(variable);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The lines are not valid JSON", e);
        }
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText().trim();
    }

    private static BigDecimal number(JsonNode row, String field) {
        String text = text(row, field);
        return text == null || text.isEmpty() ? null : new BigDecimal(text);
    }

    /** A time typed without an offset is meant in the country's time. */
    OffsetDateTime arrival(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toOffsetDateTime();
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException withoutOffset) {
                return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
            }
        }
        throw new IllegalArgumentException("Expected arrival is missing");
    }

    private static String required(Function<String, Object> form, String name) {
        Object value = form.apply(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("The start form did not set " + name);
        }
        return value.toString().trim();
    }
}
