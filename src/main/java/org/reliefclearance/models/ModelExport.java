package org.reliefclearance.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * What runs now, laid out as the repository holds it: the latest version of every process and decision
 * under {@code bpmn/}, the forms those processes use (from their own deployment) under {@code forms/}.
 * Unzipped at the repository's root it brings an owner's deployment from Modeler back into the one source.
 */
@Component
public class ModelExport {

    private final RepositoryService repository;
    private final ModelDeployer deployer;

    ModelExport(RepositoryService repository, ModelDeployer deployer) {
        this.repository = repository;
        this.deployer = deployer;
    }

    /** Repository path to content. */
    Map<String, byte[]> files() {
        Map<String, byte[]> files = new TreeMap<>();
        for (ProcessDefinition p : repository.createProcessDefinitionQuery().latestVersion().list()) {
            ModelFile model = new ModelFile(ModelFile.repositoryName(p.getResourceName()),
                    deployer.bytes(p.getDeploymentId(), p.getResourceName()));
            files.put(model.name(), model.content());
            Map<String, ModelFile> forms = deployer.deployedForms(p.getDeploymentId());
            model.formRefs().stream().map(forms::get).filter(f -> f != null)
                    .forEach(f -> files.put(f.name(), f.content()));
        }
        for (DecisionDefinition d : repository.createDecisionDefinitionQuery().latestVersion().list()) {
            files.putIfAbsent(ModelFile.repositoryName(d.getResourceName()),
                    deployer.bytes(d.getDeploymentId(), d.getResourceName()));
        }
        return files;
    }

    public byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
