package org.reliefclearance.modelguard;

import java.io.IOException;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * First line of defence: runs before the engine's own deployers on every new deployment, whoever
 * makes it (Modeler, {@code /engine-rest}, the auto-deployment at start, an administrator) and
 * refuses the whole deployment when one resource says something a model may not. The engine
 * rebuilding its cache from deployments already stored is not checked again.
 *
 * <p>Refusals are {@link ParseException}s: the engine's REST API answers them with 400 and lists
 * the refused elements per resource.
 */
final class DeploymentGuard implements Deployer {

    static final List<String> ALLOWED_SUFFIXES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form", ".png");

    private final BpmnRules bpmn;
    private final DmnRules dmn;
    private final ObjectMapper json = new ObjectMapper();

    DeploymentGuard(BpmnRules bpmn, DmnRules dmn) {
        this.bpmn = bpmn;
        this.dmn = dmn;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : new TreeMap<>(deployment.getResources()).values()) {
            check(resource.getName(), resource.getBytes());
        }
    }

    /** @throws ParseException naming the resource and every refused element */
    void check(String resourceName, byte[] content) {
        List<Refusal> refusals = refusals(resourceName, content == null ? new byte[0] : content);
        if (!refusals.isEmpty()) {
            String reasons = refusals.stream().map(Refusal::getMessage).collect(Collectors.joining("; "));
            throw new ParseException("Deployment refused: resource '" + resourceName + "': " + reasons,
                    resourceName, List.copyOf(refusals), List.of());
        }
    }

    private List<Refusal> refusals(String name, byte[] content) {
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            return xml(content, bpmn::check);
        }
        if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            return xml(content, dmn::check);
        }
        if (name.endsWith(".form")) {
            return checkForm(name, content);
        }
        if (name.endsWith(".png")) {
            return List.of();
        }
        return List.of(new Refusal(null, "only " + String.join(", ", ALLOWED_SUFFIXES) + " files may be deployed"));
    }

    /**
     * Camunda Forms (form-js JSON). For now only that it is JSON; the checks of what a form may
     * contain belong here.
     */
    List<Refusal> checkForm(String resourceName, byte[] content) {
        try {
            json.readTree(content);
            return List.of();
        } catch (IOException e) {
            return List.of(new Refusal(null, "not a Camunda Form (invalid JSON): " + e.getMessage()));
        }
    }

    private static List<Refusal> xml(byte[] content, Function<Document, List<Refusal>> rules) {
        Document document;
        try {
            document = SafeXml.parse(content);
        } catch (IllegalArgumentException e) {
            return List.of(new Refusal(null, e.getMessage()));
        }
        return rules.apply(document);
    }
}
