package org.reliefclearance.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** Which versions of each process run cases, the called line-ministry-review as much as the clearance. */
@Component
public class ModelVersions {

    private final RepositoryService repository;
    private final RuntimeService runtime;

    ModelVersions(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    /** Per key: the latest version, and every older one that still runs cases. */
    public List<ModelVersion> running() {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
                .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list();
        Map<String, Integer> latest = new HashMap<>();
        definitions.forEach(d -> latest.merge(d.getKey(), d.getVersion(), Math::max));
        List<ModelVersion> versions = new ArrayList<>();
        for (ProcessDefinition d : definitions) {
            long running = runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count();
            int latestVersion = latest.get(d.getKey());
            if (running > 0 || d.getVersion() == latestVersion) {
                versions.add(new ModelVersion(d.getKey(), d.getName(), d.getId(), d.getVersion(), d.getVersionTag(),
                        d.getDeploymentId(), running, latestVersion));
            }
        }
        return versions;
    }
}
