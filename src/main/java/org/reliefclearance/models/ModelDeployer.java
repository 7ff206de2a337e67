package org.reliefclearance.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deploys the packaged models only where they are newer than what runs, so a process owner's
 * deployment from Modeler survives restarts and releases until the repository catches up.
 *
 * <p>A packaged process or decision file is newer when one of its keys has no deployed definition yet
 * or its {@code camunda:versionTag} is newer than that of the latest deployed definition of the key
 * ({@link VersionTag}). When none is newer nothing is deployed. Otherwise one deployment holds every
 * model: the newer packaged files, and for every other key a copy of the deployed definition that runs
 * now (the owner's, say), because processes reach their forms, called process and decisions with
 * deployment binding and so need them all in their own deployment. Forms travel with the process that
 * uses them.
 */
@Component
class ModelDeployer {

    static final String DEPLOYMENT_NAME = "relief-clearance-models";
    static final String SOURCE = "packaged models";

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repository;

    ModelDeployer(RepositoryService repository) {
        this.repository = repository;
    }

    /** What start-up did: the new deployment's id (null when none was needed) and why, per file. */
    record Outcome(String deploymentId, List<String> deployed, List<String> kept) {
    }

    /** What runs now for one key: its latest definition's tag and where it came from. */
    private record Running(String key, int version, VersionTag tag, String deploymentId, String resourceName) {
    }

    Outcome deployNewer(List<ModelFile> packaged) {
        Map<String, ModelFile> packagedForms = new LinkedHashMap<>();
        packaged.stream().filter(f -> f.kind() == ModelFile.Kind.FORM && f.formId() != null)
                .forEach(f -> packagedForms.put(f.formId(), f));

        Map<String, ModelFile> models = new LinkedHashMap<>();
        Map<String, ModelFile> forms = new LinkedHashMap<>();
        Map<String, ModelFile> packagedWinners = new LinkedHashMap<>();
        List<String> deployed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (ModelFile file : packaged) {
            if (file.kind() != ModelFile.Kind.PROCESS && file.kind() != ModelFile.Kind.DECISION) {
                continue;
            }
            Running newest = null;
            String newerKey = null;
            for (Map.Entry<String, VersionTag> key : file.versionTags().entrySet()) {
                Running running = running(file.kind(), key.getKey());
                if (running == null || key.getValue().isNewerThan(running.tag())) {
                    newerKey = key.getKey();
                    deployed.add(file.name() + ": " + key.getKey() + " tag " + key.getValue() + " is newer than "
                            + (running == null ? "nothing deployed" : "deployed version " + running.version()
                            + " tag " + running.tag()));
                } else if (newest == null) {
                    newest = running;
                }
            }
            if (newerKey != null || newest == null) {
                models.put(file.name(), file);
                packagedWinners.put(file.name(), file);
            } else {
                kept.add(file.name() + ": keeps deployed " + newest.key() + " version " + newest.version() + " tag "
                        + newest.tag() + " (deployment " + newest.deploymentId() + "): the packaged tag "
                        + file.versionTags().get(newest.key()) + " is not newer");
                ModelFile running = new ModelFile(file.name(), bytes(newest.deploymentId(), newest.resourceName()));
                models.put(file.name(), running);
                formsOf(running, deployedForms(newest.deploymentId()), packagedForms, forms);
            }
        }
        // the packaged forms of packaged processes win over the kept ones
        packagedWinners.values().forEach(file -> formsOf(file, packagedForms, packagedForms, forms));
        packagedForms.forEach(forms::putIfAbsent);

        kept.forEach(reason -> log.info("Models from one source: {}", reason));
        if (deployed.isEmpty()) {
            log.info("Models from one source: no packaged model is newer than the deployed one; nothing deployed");
            return new Outcome(null, deployed, kept);
        }
        DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source(SOURCE);
        models.values().forEach(f -> deployment.addInputStream(f.name(), new ByteArrayInputStream(f.content())));
        forms.values().forEach(f -> deployment.addInputStream(f.name(), new ByteArrayInputStream(f.content())));
        String id = deployment.deploy().getId();
        deployed.forEach(reason -> log.info("Models from one source: deployed in {}: {}", id, reason));
        return new Outcome(id, deployed, kept);
    }

    /** The forms {@code file} uses, from {@code source} (or the packaged ones when the source lacks one). */
    private static void formsOf(ModelFile file, Map<String, ModelFile> source, Map<String, ModelFile> packagedForms,
                                Map<String, ModelFile> into) {
        for (String formId : file.formRefs()) {
            ModelFile form = source.getOrDefault(formId, packagedForms.get(formId));
            if (form != null) {
                into.put(formId, form);
            }
        }
    }

    private Running running(ModelFile.Kind kind, String key) {
        if (kind == ModelFile.Kind.PROCESS) {
            ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .withoutTenantId().singleResult();
            return d == null ? null : new Running(key, d.getVersion(), VersionTag.of(d.getVersionTag()),
                    d.getDeploymentId(), d.getResourceName());
        }
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                .withoutTenantId().singleResult();
        return d == null ? null : new Running(key, d.getVersion(), VersionTag.of(d.getVersionTag()),
                d.getDeploymentId(), d.getResourceName());
    }

    /** The forms of one deployment by form id, named as in the repository. */
    Map<String, ModelFile> deployedForms(String deploymentId) {
        Map<String, ModelFile> forms = new LinkedHashMap<>();
        for (String name : repository.getDeploymentResourceNames(deploymentId)) {
            if (name.endsWith(".form")) {
                ModelFile form = new ModelFile(ModelFile.repositoryName(name), bytes(deploymentId, name));
                if (form.formId() != null) {
                    forms.put(form.formId(), form);
                }
            }
        }
        return forms;
    }

    byte[] bytes(String deploymentId, String resourceName) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resourceName + " of deployment " + deploymentId, e);
        }
    }
}
