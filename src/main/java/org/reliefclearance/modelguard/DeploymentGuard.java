package org.reliefclearance.modelguard;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.reliefclearance.forms.FormSchema;
import org.w3c.dom.Document;


/**
 * First line of defence: runs before the engine's own deployers on every new deployment, whoever
 * makes it (Modeler, {@code /engine-rest}, the deployment at start, an administrator) and
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
     * Camunda Forms: each is the contract of its step at the engine's door, so a form the contract
     * cannot enforce (scripted, computed, nested or embedded content) is refused here.
     */
    List<Refusal> checkForm(String resourceName, byte[] content) {
        try {
            FormSchema.parse(new String(content, StandardCharsets.UTF_8));
            return List.of();
        } catch (FormSchema.InvalidFormException e) {
            return List.of(new Refusal(null, "not a form a step can accept: " + e.getMessage()));
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
