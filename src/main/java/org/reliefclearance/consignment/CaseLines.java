package org.reliefclearance.consignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code lines} variable the task forms show in a table: a JSON copy of the lines with their
 * classification and review status in words, English and Lao (the table rows stay the data of record).
 */
@Component
public class CaseLines {

    private final ObjectMapper json;
    private final Vocabulary vocabulary;

    CaseLines(ObjectMapper json, Vocabulary vocabulary) {
        this.json = json;
        this.vocabulary = vocabulary;
    }

    public JsonValue variable(List<ConsignmentLine> lines) {
        List<Map<String, Object>> rows = lines.stream().map(this::row).toList();
        try {
            return SpinValues.jsonValue(json.writeValueAsString(rows)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the lines variable", e);
        }
    }

    private Map<String, Object> row(ConsignmentLine l) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("lineNo", l.lineNo());
        row.put("description", l.description());
        row.put("hsCode", l.hsCode());
        row.put("category", vocabulary.bilingual(l.category(), Words::category));
        row.put("quantity", l.quantity());
        row.put("unit", vocabulary.bilingual(l.unit(), Words::unit));
        row.put("valueUsd", l.valueUsd());
        row.put("treatment", vocabulary.bilingual(l.treatment(), Words::treatment));
        // every authority the line needs, the lead one first
        row.put("authority", String.join(", ", l.authorities()));
        row.put("reviewStatus", vocabulary.bilingual(l.reviewStatus(), Words::review));
        row.put("release", l.releaseNumber() == null ? "" : l.releaseNumber());
        row.put("received", l.receivedQuantity() == null ? "" : l.receivedQuantity());
        return row;
    }
}
