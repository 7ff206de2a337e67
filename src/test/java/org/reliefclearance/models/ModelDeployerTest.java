package org.reliefclearance.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What start-up deploys (called directly, as on a restart): nothing when the packaged models are not
 * newer, so an owner's newer deployment survives; a packaged model with a newer tag, deployed with a
 * copy of the owner's models it needs for deployment binding.
 */
@ServiceTest
class ModelDeployerTest {

    @Autowired
    ModelDeployer deployer;
    @Autowired
    PackagedModels packaged;
    @Autowired
    RepositoryService repository;
    @Autowired
    TestRestTemplate http;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeDeployments() {
        Collections.reverse(deployments);
        deployments.forEach(id -> repository.deleteDeployment(id, true, true));
    }

    @Test
    void theSamePackagedModelsAreNotDeployedAgain() {
        long before = repository.createDeploymentQuery().count();

        ModelDeployer.Outcome restart = deployer.deployNewer(packaged.files());

        assertThat(restart.deploymentId()).isNull();
        assertThat(restart.deployed()).isEmpty();
        assertThat(restart.kept()).anyMatch(k -> k.startsWith(ModelMigrationTest.CLEARANCE_FILE + ": keeps deployed"));
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void anOwnersNewerDeploymentSurvivesARestartAndANewerPackagedModelJoinsIt() {
        OwnerModels owners = new OwnerModels(packaged.files()).bumpTags(".9")
                .change(ModelMigrationTest.CLEARANCE_FILE, bpmn -> bpmn.replace("name=\"Clear at port\"",
                        "name=\"Clear goods at port\""));
        ResponseEntity<String> deployed = owners.deploy(http, "owner");
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        String ownersDeployment = OwnerModels.id(deployed);
        deployments.add(ownersDeployment);

        // a restart with this release's models: the owner's tags 2026.12.9 are newer, nothing is deployed
        ModelDeployer.Outcome restart = deployer.deployNewer(packaged.files());
        assertThat(restart.deploymentId()).isNull();
        assertThat(latest(ModelMigrationTest.CLEARANCE).getDeploymentId()).isEqualTo(ownersDeployment);

        // the next release ships a review with tag 2026.12.10 (numerically newer than .9), the clearance unchanged
        OwnerModels release = new OwnerModels(packaged.files())
                .change(ModelMigrationTest.REVIEW_FILE, bpmn -> bpmn.replaceFirst("versionTag=\"([0-9.]+)\"",
                        "versionTag=\"$1.10\"").replace("name=\"Review permit\"", "name=\"Review permit (2)\""));
        ModelDeployer.Outcome next = deployer.deployNewer(release.asPackaged());
        assertThat(next.deploymentId()).isNotNull();
        deployments.add(next.deploymentId());

        assertThat(next.deployed()).singleElement().asString().startsWith(ModelMigrationTest.REVIEW_FILE);
        ProcessDefinition review = latest(ModelMigrationTest.REVIEW);
        assertThat(review.getDeploymentId()).isEqualTo(next.deploymentId());
        assertThat(review.getVersionTag()).endsWith(".10");
        // the owner's clearance runs on, now in the same deployment as the review it calls
        ProcessDefinition clearance = latest(ModelMigrationTest.CLEARANCE);
        assertThat(clearance.getDeploymentId()).isEqualTo(next.deploymentId());
        assertThat(clearance.getVersionTag()).endsWith(".9");
        assertThat(text(next.deploymentId(), ModelMigrationTest.CLEARANCE_FILE)).contains("Clear goods at port");
        assertThat(repository.getDeploymentResourceNames(next.deploymentId()))
                .contains("forms/clear-at-port.form", "forms/review-permit.form", "bpmn/examination-risk.dmn");
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private String text(String deploymentId, String resource) {
        return new String(deployer.bytes(deploymentId, resource), StandardCharsets.UTF_8);
    }
}
