package org.reliefclearance.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * Checks what a caller submits to a step against the step's form: only the keys the form declares,
 * read-only fields unchanged, nothing for a field the form hides in this case, and every visible
 * value within the form's rules (required, options, lengths, range, pattern, date format). The form
 * stays the contract: a process owner who adds a field extends what the step accepts.
 */
public final class FormContract {

    /** Conditions are FEEL, evaluated the way form-js evaluates them in the browser. */
    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).build();
    /** A form's conditions are few and fixed; parsing one is the costly part of evaluating it. */
    private static final Map<String, ParseResult> PARSED = new ConcurrentHashMap<>();
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{5,20}$");

    private final FormSchema schema;

    public FormContract(FormSchema schema) {
        this.schema = schema;
    }

    /** Completing the step: every required visible field must be there. */
    public enum Mode { COMPLETE, UPDATE }

    /** A value the form refuses, with the field named as the official sees it. */
    public record Violation(String key, String message) {

        @Override
        public String toString() {
            return message;
        }
    }

    /**
     * @param notAccepted keys the form does not declare: the caller may not write them at all
     * @param invalid     declared fields whose value breaks the form's rules
     */
    public record Outcome(List<String> notAccepted, List<Violation> invalid) {

        public boolean accepted() {
            return notAccepted.isEmpty() && invalid.isEmpty();
        }
    }

    /**
     * @param submitted the caller's values, as plain Java values ({@link PlainValues})
     * @param current   the variables the step's form is shown with, as plain Java values
     */
    public Outcome check(Map<String, Object> submitted, Map<String, Object> current, Mode mode) {
        List<String> notAccepted = new ArrayList<>();
        for (String key : submitted.keySet()) {
            if (schema.field(key) == null) {
                notAccepted.add(key);
            }
        }
        Map<String, Object> data = new HashMap<>(current);
        data.putAll(submitted);
        List<Violation> invalid = new ArrayList<>();
        for (FormField field : schema.fields()) {
            boolean given = submitted.containsKey(field.key());
            Object value = submitted.get(field.key());
            if (field.readonly()) {
                if (given && !sameValue(value, current.get(field.key()))) {
                    invalid.add(violation(field, "is read-only"));
                }
            } else if (hidden(field, data)) {
                if (given && !empty(value)) {
                    invalid.add(violation(field, "is not asked for in this case"));
                }
            } else if (empty(value)) {
                if (field.rules().required() && (given || mode == Mode.COMPLETE)) {
                    invalid.add(violation(field, "is required"));
                }
            } else {
                String problem = problem(field, value, current);
                if (problem != null) {
                    invalid.add(violation(field, problem));
                }
            }
        }
        return new Outcome(notAccepted, invalid);
    }

    public FormSchema schema() {
        return schema;
    }

    private static Violation violation(FormField field, String problem) {
        return new Violation(field.key(), field.describe() + " " + problem);
    }

    private static boolean hidden(FormField field, Map<String, Object> data) {
        for (String condition : field.hideConditions()) {
            ParseResult parsed = PARSED.computeIfAbsent(condition, FEEL::parseExpression);
            if (parsed.isFailure()) {
                continue;
            }
            EvaluationResult result = FEEL.evaluate(parsed.parsedExpression(), data);
            // form-js shows a field whose condition cannot be evaluated; so does the server
            if (result.isSuccess() && Boolean.TRUE.equals(result.result())) {
                return true;
            }
        }
        return false;
    }

    private static String problem(FormField field, Object value, Map<String, Object> current) {
        return switch (field.type()) {
            case "textfield", "textarea" -> text(field.rules(), value);
            case "number" -> number(field.rules(), value);
            case "datetime" -> dateTime(field.subtype(), value);
            case "checkbox" -> value instanceof Boolean || "true".equals(value) || "false".equals(value) ? null
                    : "must be ticked or not";
            case "select", "radio" -> value instanceof Collection<?> ? "takes one option"
                    : option(field, value, current);
            case "checklist", "taglist" -> options(field, value, current);
            default -> "has a type this step cannot check";
        };
    }

    private static String text(FormField.Rules rules, Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            return "must be text";
        }
        String text = value.toString();
        if (rules.maxLength() != null && text.length() > rules.maxLength()) {
            return "is longer than " + rules.maxLength() + " characters";
        }
        if (rules.minLength() != null && text.length() < rules.minLength()) {
            return "is shorter than " + rules.minLength() + " characters";
        }
        if (rules.pattern() != null && !rules.pattern().matcher(text).find()) {
            return "does not have the expected format";
        }
        if ("email".equals(rules.validationType()) && !EMAIL.matcher(text).matches()) {
            return "is not an e-mail address";
        }
        if ("phone".equals(rules.validationType()) && !PHONE.matcher(text).matches()) {
            return "is not a phone number";
        }
        return null;
    }

    private static String number(FormField.Rules rules, Object value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            return "must be a number";
        }
        if (rules.min() != null && number.compareTo(rules.min()) < 0) {
            return "must be at least " + rules.min().toPlainString();
        }
        if (rules.max() != null && number.compareTo(rules.max()) > 0) {
            return "must be at most " + rules.max().toPlainString();
        }
        return null;
    }

    private static String dateTime(String subtype, Object value) {
        if (value instanceof Date) {
            return null;
        }
        String text = value.toString().strip();
        try {
            switch (subtype == null ? "datetime" : subtype) {
                case "date" -> LocalDate.parse(text);
                case "time" -> LocalTime.parse(text.length() > 8 ? text.substring(0, 8) : text);
                default -> parseDateTime(text);
            }
            return null;
        } catch (DateTimeParseException e) {
            return "is not a valid date and time";
        }
    }

    private static void parseDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            LocalDateTime.parse(text);
        }
    }

    private static String option(FormField field, Object value, Map<String, Object> current) {
        return offered(field, current).contains(value.toString()) ? null : "is not one of the options offered";
    }

    private static String options(FormField field, Object value, Map<String, Object> current) {
        if (!(value instanceof Collection<?> chosen)) {
            return "must be a list of options";
        }
        List<String> offered = offered(field, current);
        for (Object one : chosen) {
            if (one == null || !offered.contains(one.toString())) {
                return "contains '" + one + "', which is not one of the options offered";
            }
        }
        return null;
    }

    /** Fixed options, or those of the case's own variable (a list of {label, value}). */
    private static List<String> offered(FormField field, Map<String, Object> current) {
        if (field.valuesKey() == null) {
            return field.values();
        }
        List<String> offered = new ArrayList<>();
        if (current.get(field.valuesKey()) instanceof Collection<?> options) {
            for (Object option : options) {
                if (option instanceof Map<?, ?> map && map.get("value") != null) {
                    offered.add(map.get("value").toString());
                }
            }
        }
        return offered;
    }

    private static boolean empty(Object value) {
        return value == null || value instanceof String s && s.isEmpty()
                || value instanceof Collection<?> c && c.isEmpty() || Boolean.FALSE.equals(value);
    }

    /** Tasklist sends a read-only field back as it showed it: text for text, numbers as numbers. */
    private static boolean sameValue(Object submitted, Object current) {
        if (empty(submitted) && empty(current)) {
            return true;
        }
        if (submitted == null || current == null) {
            return false;
        }
        if (submitted instanceof Number || current instanceof Number) {
            try {
                return new BigDecimal(submitted.toString()).compareTo(new BigDecimal(current.toString())) == 0;
            } catch (NumberFormatException notNumbers) {
                return false;
            }
        }
        return Objects.equals(submitted.toString(), current.toString());
    }
}
