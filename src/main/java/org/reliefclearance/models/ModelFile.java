package org.reliefclearance.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One file of the models as the repository holds it ({@code bpmn/x.bpmn}, {@code bpmn/x.dmn},
 * {@code forms/x.form}): what it defines (process or decision keys with their version tags, or a
 * form's id) and the forms its processes use.
 */
record ModelFile(String name, byte[] content) {

    enum Kind { PROCESS, DECISION, FORM, OTHER }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The repository folder a resource of this kind lives in, whatever name the engine stored it under. */
    static String repositoryName(String resourceName) {
        String file = resourceName.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        return (file.endsWith(".form") ? "forms/" : "bpmn/") + file;
    }

    Kind kind() {
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            return Kind.PROCESS;
        }
        if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            return Kind.DECISION;
        }
        return name.endsWith(".form") ? Kind.FORM : Kind.OTHER;
    }

    /** Process or decision key to version tag, in the order of the file. */
    Map<String, VersionTag> versionTags() {
        Map<String, VersionTag> tags = new LinkedHashMap<>();
        if (kind() == Kind.PROCESS) {
            for (Process process : bpmn().getModelElementsByType(Process.class)) {
                if (process.isExecutable()) {
                    tags.put(process.getId(), VersionTag.of(process.getCamundaVersionTag()));
                }
            }
        } else if (kind() == Kind.DECISION) {
            for (Decision decision : Dmn.readModelFromStream(new ByteArrayInputStream(content))
                    .getModelElementsByType(Decision.class)) {
                tags.put(decision.getId(), VersionTag.of(decision.getVersionTag()));
            }
        }
        return tags;
    }

    /** The ids of the forms this file's processes reference ({@code camunda:formRef}). */
    Set<String> formRefs() {
        Set<String> refs = new LinkedHashSet<>();
        if (kind() == Kind.PROCESS) {
            BpmnModelInstance model = bpmn();
            model.getModelElementsByType(UserTask.class).forEach(t -> add(refs, t.getCamundaFormRef()));
            model.getModelElementsByType(StartEvent.class).forEach(e -> add(refs, e.getCamundaFormRef()));
        }
        return refs;
    }

    /** A form's own id, the key {@code camunda:formRef} names; null for other files. */
    String formId() {
        if (kind() != Kind.FORM) {
            return null;
        }
        try {
            JsonNode id = JSON.readTree(content).get("id");
            return id == null ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private BpmnModelInstance bpmn() {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    }

    private static void add(Set<String> refs, String ref) {
        if (ref != null && !ref.isBlank()) {
            refs.add(ref);
        }
    }
}
