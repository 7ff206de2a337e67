package org.reliefclearance.models;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * In place of the Spring Boot starter's auto-deployment (turned off in application.yaml), which
 * deployed every packaged file on each start and so replaced an owner's newer model at the next
 * restart: deploys what {@link ModelDeployer} finds newer, before the node serves a request.
 */
@Component
class PackagedModelsDeployment implements SmartInitializingSingleton {

    private final ModelDeployer deployer;
    private final PackagedModels packaged;

    PackagedModelsDeployment(ModelDeployer deployer, PackagedModels packaged) {
        this.deployer = deployer;
        this.packaged = packaged;
    }

    @Override
    public void afterSingletonsInstantiated() {
        deployer.deployNewer(packaged.files());
    }
}
