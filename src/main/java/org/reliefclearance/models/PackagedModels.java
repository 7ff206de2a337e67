package org.reliefclearance.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The models this release ships: {@code bpmn/} and {@code forms/} of the repository, packaged by pom.xml. */
@Component
class PackagedModels {

    static final List<String> PATTERNS = List.of("classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn",
            "classpath*:forms/*.form");

    List<ModelFile> files() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<ModelFile> files = new ArrayList<>();
        try {
            for (String pattern : PATTERNS) {
                for (Resource resource : resolver.getResources(pattern)) {
                    try (InputStream in = resource.getInputStream()) {
                        files.add(new ModelFile(ModelFile.repositoryName(resource.getFilename()), in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the packaged models", e);
        }
        files.sort(Comparator.comparing(ModelFile::name));
        return files;
    }
}
