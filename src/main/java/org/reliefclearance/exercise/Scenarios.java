package org.reliefclearance.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The scenario files a facilitator may choose from: the shipped ones ({@code classpath:exercises/})
 * and any in the folder {@code relief.exercise.scenarios} (default {@code ./exercises}), read as YAML.
 * A file with an unknown field is refused, so a typing error does not silently drop an inject.
 */
class Scenarios {

    private final String locations;
    private final ObjectMapper json;

    Scenarios(@Value("${relief.exercise.scenarios}") String locations, ObjectMapper json) {
        this.locations = locations;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    List<Scenario> all() {
        List<Scenario> found = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String location : locations.split(",")) {
            try {
                for (Resource file : resolver.getResources(location.trim())) {
                    found.add(read(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the scenarios in " + location, e);
            }
        }
        found.sort(Comparator.comparing(Scenario::id));
        return found;
    }

    Optional<Scenario> find(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private Scenario read(Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            try {
                return json.convertValue(tree, Scenario.class);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Scenario " + file.getDescription() + " cannot be read: " + e.getMessage(), e);
            }
        }
    }
}
