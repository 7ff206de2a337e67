package org.reliefclearance.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The clearance's forms exist, render in Tasklist's form-js and submit what the gateways read. */
class ClearanceFormsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyUserTaskAndTheStartEventHaveAWellFormedForm() throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/relief-consignment-clearance.bpmn").toFile());
        List<String> refs = new ArrayList<>();
        model.getModelElementsByType(UserTask.class).forEach(t -> refs.add(t.getCamundaFormRef()));
        model.getModelElementsByType(StartEvent.class).stream()
                .filter(s -> s.getParentElement() == model.getModelElementById(ClearanceProcess.KEY))
                .forEach(s -> refs.add(s.getCamundaFormRef()));
        assertThat(refs).hasSize(13).doesNotContainNull();

        for (String ref : refs) {
            JsonNode form = form(ref);
            assertThat(form.path("id").asText()).isEqualTo(ref);
            assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
            assertThat(form.path("type").asText()).isEqualTo("default");
            Set<String> ids = new HashSet<>();
            for (JsonNode component : components(form)) {
                assertThat(ids.add(component.path("id").asText())).as("unique id in %s", ref).isTrue();
                assertThat(component.path("id").asText()).matches("(Field|Text|Table|List|Group)_[A-Z][A-Za-z0-9]+");
            }
        }
    }

    @Test
    void decisionFormsSubmitTheValuesTheGatewaysTest() throws IOException {
        Map<String, List<String>> decisions = Map.of(
                "endorse-request", List.of(ClearanceProcess.Vars.ENDORSEMENT_DECISION.name(), "ENDORSED", "REJECTED"),
                "decide-exemption", List.of(ClearanceProcess.Vars.EXEMPTION_DECISION.name(), "FULL", "PARTIAL", "NONE"),
                "clear-at-port", List.of(ClearanceProcess.Vars.CLEARANCE_DECISION.name(), "RELEASE", "EXAMINE"));
        for (Map.Entry<String, List<String>> d : decisions.entrySet()) {
            JsonNode field = components(form(d.getKey())).stream()
                    .filter(c -> d.getValue().get(0).equals(c.path("key").asText())).findFirst().orElseThrow();
            assertThat(field.path("validate").path("required").asBoolean()).isTrue();
            List<String> values = new ArrayList<>();
            field.path("values").forEach(v -> values.add(v.path("value").asText()));
            assertThat(values).containsExactlyElementsOf(d.getValue().subList(1, d.getValue().size()));
        }
    }

    @Test
    void startFormCollectsWhatRegisterConsignmentReads() throws IOException {
        List<JsonNode> fields = components(form("submit-notification"));
        Set<String> keys = new HashSet<>();
        fields.forEach(c -> keys.add(c.has("key") ? c.path("key").asText() : c.path("path").asText()));
        assertThat(keys).contains(ClearanceProcess.Vars.ORGANISATION.name(), ClearanceProcess.Vars.PORT_CODE.name(),
                ClearanceProcess.Vars.EXPECTED_ARRIVAL.name(),
                ClearanceProcess.Vars.TRANSPORT_DOCUMENT_TYPE.name(), ClearanceProcess.Vars.TRANSPORT_DOCUMENT_NUMBER.name(),
                ClearanceProcess.Vars.DONOR.name(), ClearanceProcess.Vars.PROVISIONAL_DECLARATION.name());
        for (int slot = 1; slot <= ClearanceProcess.Vars.START_FORM_LINE_SLOTS; slot++) {
            for (String field : List.of("Description", "HsCode", "Category", "Quantity", "Unit", "ValueUsd", "GrossWeightKg")) {
                assertThat(keys).contains(ClearanceProcess.Vars.lineField(slot, field));
            }
            if (slot > 1) {
                assertThat(keys).contains(ClearanceProcess.Vars.addLine(slot));
            }
        }
        // MoLSW names the organisation it notifies for: always, by its registry code
        JsonNode organisation = fields.stream()
                .filter(c -> ClearanceProcess.Vars.ORGANISATION.name().equals(c.path("key").asText())).findFirst()
                .orElseThrow();
        assertThat(organisation.path("type").asText()).isEqualTo("textfield");
        assertThat(organisation.path("validate").path("required").asBoolean()).isTrue();
        assertThat(organisation.has("conditional")).isFalse();
        assertThat("WFP").matches(organisation.path("validate").path("pattern").asText());
        // no repeatable list: Tasklist 7.24 keeps Start disabled after any edit inside one
        assertThat(fields).noneMatch(c -> "dynamiclist".equals(c.path("type").asText()));
        JsonNode hsCode = fields.stream().filter(c -> "line3HsCode".equals(c.path("key").asText())).findFirst().orElseThrow();
        assertThat("300490").matches(hsCode.path("validate").path("pattern").asText());
        assertThat("30049").doesNotMatch(hsCode.path("validate").path("pattern").asText());
    }

    private JsonNode form(String id) throws IOException {
        return json.readTree(Path.of("forms", id + ".form").toFile());
    }

    /** All components, also those inside dynamic lists and groups. */
    private static List<JsonNode> components(JsonNode container) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode c : container.path("components")) {
            all.add(c);
            all.addAll(components(c));
        }
        return all;
    }
}
