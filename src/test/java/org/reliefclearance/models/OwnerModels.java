package org.reliefclearance.models;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A process owner's next version of the packaged models, changed as in Modeler and deployed the way
 * Modeler deploys: every process, decision and form in one {@code /engine-rest/deployment/create}.
 */
final class OwnerModels {

    private static final Pattern TAG = Pattern.compile("versionTag=\"([0-9.]+)\"");

    private final Map<String, String> files = new LinkedHashMap<>();

    OwnerModels(List<ModelFile> packaged) {
        packaged.forEach(f -> files.put(f.name(), new String(f.content(), StandardCharsets.UTF_8)));
    }

    /** Every version tag with {@code suffix} appended: {@code 2026.12} becomes {@code 2026.12.9}. */
    OwnerModels bumpTags(String suffix) {
        files.replaceAll((name, content) -> name.endsWith(".form") ? content
                : TAG.matcher(content).replaceAll(m -> Matcher.quoteReplacement("versionTag=\"" + m.group(1) + suffix + "\"")));
        return this;
    }

    OwnerModels change(String file, UnaryOperator<String> edit) {
        String before = files.get(file);
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the edit changes nothing in " + file);
        }
        files.put(file, after);
        return this;
    }

    String content(String file) {
        return files.get(file);
    }

    List<ModelFile> asPackaged() {
        List<ModelFile> packaged = new ArrayList<>();
        files.forEach((name, content) -> packaged.add(new ModelFile(name, content.getBytes(StandardCharsets.UTF_8))));
        return packaged;
    }

    /** Deploys as {@code user} through /engine-rest; the answer's body is the engine's JSON. */
    ResponseEntity<String> deploy(TestRestTemplate http, String user) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "owner's edit");
        parts.add("deployment-source", "Camunda Modeler");
        files.forEach((name, content) -> {
            String fileName = name.substring(name.indexOf('/') + 1);
            parts.add(fileName, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            });
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(parts, headers), String.class);
    }

    static String id(ResponseEntity<String> deployment) {
        try {
            return new ObjectMapper().readTree(deployment.getBody()).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException("not a deployment: " + deployment.getBody(), e);
        }
    }
}
