package org.reliefclearance.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Camunda Form (form-js schema) read as the contract of its step: the fields a caller may submit
 * and the rules each value must keep. Display components (text, table, ...) accept nothing. A form
 * using a construct this contract cannot enforce (nested data paths, dynamic lists, computed or
 * scripted fields, embedded pages) is refused, so a process owner's new form is safe by construction.
 */
public final class FormSchema {

    /** Components that show something and submit nothing. */
    private static final Set<String> DISPLAY = Set.of("text", "table", "separator", "spacer", "button");
    /** Components that submit a value under their key. */
    private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "datetime", "select", "radio",
            "checkbox", "checklist", "taglist");
    private static final Set<String> WITH_VALUES = Set.of("select", "radio", "checklist", "taglist");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final List<FormField> fields;
    private final List<String> texts;

    private FormSchema(String id, List<FormField> fields, List<String> texts) {
        this.id = id;
        this.fields = List.copyOf(fields);
        this.texts = List.copyOf(texts);
    }

    /** @throws InvalidFormException when the JSON is not a form this contract can enforce */
    public static FormSchema parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidFormException("is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("components").isArray()) {
            throw new InvalidFormException("has no components");
        }
        String id = root.path("id").asText(null);
        List<FormField> fields = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        collect(root.path("components"), List.of(), fields, texts);
        return new FormSchema(id, fields, texts);
    }

    public String id() {
        return id;
    }

    /** Every field that submits a value, read-only ones included. */
    public List<FormField> fields() {
        return fields;
    }

    /** The templates of the text components (Markdown with {@code {{variable}}} placeholders). */
    public List<String> texts() {
        return texts;
    }

    public FormField field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    private static void collect(JsonNode components, List<String> enclosingHide, List<FormField> fields,
                                List<String> texts) {
        for (JsonNode c : components) {
            String type = c.path("type").asText("");
            String where = "component '" + c.path("id").asText(type) + "'";
            List<String> hide = new ArrayList<>(enclosingHide);
            String condition = c.path("conditional").path("hide").asText(null);
            if (condition != null && !condition.isBlank()) {
                hide.add(feel(condition));
            }
            if (type.equals("group")) {
                if (c.hasNonNull("path") && !c.path("path").asText().isEmpty()) {
                    throw new InvalidFormException(where + " nests its data under a path; keep fields flat");
                }
                collect(c.path("components"), hide, fields, texts);
            } else if (DISPLAY.contains(type)) {
                if (type.equals("text")) {
                    texts.add(c.path("text").asText(""));
                }
            } else if (INPUTS.contains(type)) {
                fields.add(field(c, type, where, hide));
            } else {
                throw new InvalidFormException(where + " is of type '" + type + "', which a step cannot accept safely");
            }
        }
    }

    private static FormField field(JsonNode c, String type, String where, List<String> hide) {
        String key = c.path("key").asText("");
        if (!KEY.matcher(key).matches()) {
            throw new InvalidFormException(where + " needs a simple key (letters, digits, _), not '" + key + "'");
        }
        if (c.has("valuesExpression")) {
            throw new InvalidFormException(where + " computes its options with an expression; use values or valuesKey");
        }
        List<String> values = new ArrayList<>();
        c.path("values").forEach(v -> values.add(v.path("value").asText()));
        String valuesKey = c.path("valuesKey").asText(null);
        if (WITH_VALUES.contains(type) && values.isEmpty() && valuesKey == null) {
            throw new InvalidFormException(where + " offers no options");
        }
        JsonNode validate = c.path("validate");
        String pattern = validate.path("pattern").asText(null);
        if (pattern != null && pattern.isEmpty()) {
            pattern = null;
        }
        FormField.Rules rules = new FormField.Rules(validate.path("required").asBoolean(false),
                integer(validate, "minLength"), integer(validate, "maxLength"), decimal(validate, "min"),
                decimal(validate, "max"), pattern == null ? null : Pattern.compile(pattern),
                validate.path("validationType").asText(null));
        // a read-only flag given as an expression is taken as read-only: the stricter reading
        boolean readonly = isSet(c.path("readonly")) || isSet(c.path("disabled"));
        // a date-time field labels its date part instead of itself
        String label = c.path("label").asText(c.path("dateLabel").asText(key));
        return new FormField(key, type, label, c.path("subtype").asText(null), readonly,
                List.copyOf(hide), rules, List.copyOf(values), valuesKey);
    }

    private static boolean isSet(JsonNode flag) {
        return flag.isBoolean() ? flag.asBoolean() : flag.isTextual() && !flag.asText().isBlank()
                && !flag.asText().equals("false");
    }

    private static String feel(String condition) {
        String expression = condition.strip();
        return expression.startsWith("=") ? expression.substring(1) : expression;
    }

    private static Integer integer(JsonNode validate, String name) {
        return validate.hasNonNull(name) && validate.path(name).isNumber() ? validate.path(name).asInt() : null;
    }

    private static BigDecimal decimal(JsonNode validate, String name) {
        return validate.hasNonNull(name) && validate.path(name).isNumber() ? validate.path(name).decimalValue() : null;
    }

    /** The form cannot serve as a step's contract. */
    public static class InvalidFormException extends RuntimeException {

        public InvalidFormException(String message) {
            super(message);
        }
    }
}
