package org.reliefclearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every file a process owner puts in bpmn/ or forms/ reaches the engine on start. */
@ServiceTest
class DeploymentTest {

    @Autowired
    RepositoryService repository;

    @Test
    void deploysEveryModelAndFormFile() throws IOException {
        List<String> deployed = repository.createDeploymentQuery().list().stream()
                .map(Deployment::getId)
                .flatMap(id -> repository.getDeploymentResourceNames(id).stream())
                .map(name -> name.replace('\\', '/'))
                .toList();

        List<String> files = filesIn("bpmn", "forms");
        assertThat(files).isNotEmpty()
                .anyMatch(f -> f.endsWith(".bpmn"))
                .anyMatch(f -> f.endsWith(".form"));
        for (String file : files) {
            assertThat(deployed).as("deployed resource for %s", file)
                    .anyMatch(name -> name.equals(file) || name.endsWith("/" + file));
        }
    }

    @Test
    void everyProcessFileDefinesADeployedProcess() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("relief-consignment-clearance").count())
                .isEqualTo(1);
    }

    private static List<String> filesIn(String... folders) throws IOException {
        try (Stream<Path> a = Files.list(Path.of(folders[0])); Stream<Path> b = Files.list(Path.of(folders[1]))) {
            return Stream.concat(a.map(p -> folders[0] + "/" + p.getFileName()), b.map(p -> folders[1] + "/" + p.getFileName()))
                    .filter(f -> f.endsWith(".bpmn") || f.endsWith(".dmn") || f.endsWith(".form"))
                    .sorted().toList();
        }
    }
}
