package org.reliefclearance.forms;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads values as Camunda Forms submit them (strings, JSON arrays, ISO date-times with or without
 * offset) as well as the typed values the API and tests pass.
 */
public final class FormValues {

    private FormValues() {
    }

    /** Trimmed text, or null when absent or blank. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /**
     * A point in time: a Date, an Instant, or an ISO-8601 string; a date-time without offset
     * (form-js "no timezone") is read in {@code zone}.
     */
    public static Instant instant(Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        String s = text(value);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(s).atZone(zone).toInstant();
            } catch (DateTimeException notADateTime) {
                throw new IllegalArgumentException("Not a date and time: " + s, notADateTime);
            }
        }
    }

    /** Whole numbers from a JSON array, a collection, or a text such as "1, 3". */
    public static List<Integer> integers(Object value) {
        List<Integer> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof SpinJsonNode json) {
            if (json.isArray()) {
                for (SpinJsonNode element : json.elements()) {
                    result.add(element.isNull() ? null : element.isNumber() ? element.numberValue().intValue()
                            : parse(element.stringValue()));
                }
            } else {
                result.addAll(integers(json.isNumber() ? json.numberValue() : json.isString() ? json.stringValue() : null));
            }
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                result.addAll(integers(element));
            }
        } else if (value instanceof Number n) {
            result.add(n.intValue());
        } else {
            Arrays.stream(value.toString().split("[,;\\s]+")).filter(s -> !s.isBlank()).map(FormValues::parse)
                    .forEach(result::add);
        }
        result.removeIf(i -> i == null);
        return result;
    }

    /** Texts from a JSON array (a tag list or checklist), a collection, or a comma-separated text. */
    public static List<String> texts(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof SpinJsonNode json && json.isArray()) {
            for (SpinJsonNode element : json.elements()) {
                result.add(element.isString() ? text(element.stringValue()) : text(element.toString()));
            }
        } else if (value instanceof SpinJsonNode json) {
            result.add(json.isString() ? text(json.stringValue()) : text(json.toString()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> result.add(text(element)));
        } else if (value != null) {
            Arrays.stream(value.toString().split(",")).map(FormValues::text).forEach(result::add);
        }
        result.removeIf(s -> s == null);
        return result;
    }

    private static Integer parse(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a whole number: " + s, e);
        }
    }
}
