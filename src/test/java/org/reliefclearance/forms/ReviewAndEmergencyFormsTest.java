package org.reliefclearance.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The forms the review and emergency processes refer to exist, and are form-js schemas Tasklist can render. */
class ReviewAndEmergencyFormsTest {

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"bpmn/line-ministry-review.bpmn", "bpmn/national-emergency.bpmn"})
    void everyReferencedFormExistsWithUniqueIdsAndKeys(String file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(file).toFile());
        List<String> refs = new ArrayList<>();
        model.getModelElementsByType(UserTask.class).forEach(t -> refs.add(t.getCamundaFormRef()));
        model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
                .filter(r -> r != null).forEach(refs::add);
        assertThat(refs).isNotEmpty().doesNotContainNull();

        for (String ref : refs) {
            JsonNode form = json.readTree(Path.of("forms", ref + ".form").toFile());
            assertThat(form.path("id").asText()).isEqualTo(ref);
            assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
            assertThat(form.path("type").asText()).isEqualTo("default");
            Set<String> ids = new HashSet<>();
            Set<String> keys = new HashSet<>();
            for (JsonNode component : form.path("components")) {
                assertThat(ids.add(component.path("id").asText())).as("unique id in %s", ref).isTrue();
                assertThat(component.path("id").asText()).matches("(Field|Text|Table)_[A-Z][A-Za-z]+");
                if (component.has("key")) {
                    assertThat(keys.add(component.path("key").asText())).as("unique key %s in %s",
                            component.path("key").asText(), ref).isTrue();
                }
            }
        }
        assertThat(Files.exists(Path.of(file))).isTrue();
    }
}
