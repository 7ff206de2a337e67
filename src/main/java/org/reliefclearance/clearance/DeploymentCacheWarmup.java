package org.reliefclearance.clearance;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Every process definition is parsed into the engine's cache once at start, before the node serves
 * a request or runs a job. A node that did not deploy the models itself (the second node of a
 * cluster) would otherwise parse a definition on first use, and two requests parsing it at the
 * same moment can see its job declarations before they are linked to their job definitions: the
 * next asynchronous step then fails with "Invalid process definition id".
 */
@Component
class DeploymentCacheWarmup implements SmartInitializingSingleton {

    private final RepositoryService repository;

    DeploymentCacheWarmup(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void afterSingletonsInstantiated() {
        repository.createProcessDefinitionQuery().list()
                .forEach(definition -> repository.getProcessDefinition(definition.getId()));
    }
}
