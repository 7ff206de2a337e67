package org.reliefclearance.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Variables as plain Java values (text, numbers, booleans, dates, lists, maps), whatever way they
 * arrived: typed values from the REST API, JSON variables, or values a test passes directly.
 */
public final class PlainValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlainValues() {
    }

    public static Map<String, Object> of(Map<String, ?> variables) {
        Map<String, Object> plain = new LinkedHashMap<>();
        if (variables != null) {
            variables.forEach((key, value) -> plain.put(key, of(value)));
        }
        return plain;
    }

    public static Object of(Object value) {
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            // JSON sent over REST arrives serialized; read it without the engine's serializers
            return serializable.getValueSerialized() == null ? null : fromJson(serializable.getValueSerialized());
        }
        Object v = value instanceof TypedValue typed ? typed.getValue() : value;
        if (v instanceof SpinJsonNode node) {
            return fromJson(node.toString());
        }
        if (v instanceof JsonNode node) {
            return JSON.convertValue(node, Object.class);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(PlainValues::of).toList();
        }
        return v;
    }

    private static Object fromJson(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
