package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** The published API description: every operation, with summaries, an example and Basic security. */
@ServiceTest
class OpenApiDocumentTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void describesTheApiWithBasicSecurityAndAnExampleNotification() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode doc = response.getBody();

        assertThat(doc.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/consignments", "/api/consignments/{reference}",
                "/api/consignments/{reference}/documents", "/api/consignments/{reference}/documents/{id}",
                "/api/consignments/{reference}/information", "/api/consignments/{reference}/withdrawal",
                "/api/consignments/{reference}/distribution-report", "/api/consignments/{reference}/arrival",
                "/api/requirements", "/api/emergencies/active");
        // the public lookups need no credentials
        assertThat(doc.at("/paths/~1api~1requirements/get/security").isArray()).isTrue();
        assertThat(doc.at("/paths/~1api~1requirements/get/security")).isEmpty();
        assertThat(doc.at("/paths/~1api~1emergencies~1active/get/security")).isEmpty();
        doc.get("paths").forEach(path -> path.forEach(operation ->
                assertThat(operation.get("summary").asText()).isNotBlank()));

        JsonNode notify = doc.at("/paths/~1api~1consignments/post");
        assertThat(notify.at("/requestBody/content/application~1json/examples").toString())
                .contains("portOfEntry", "300490");
        assertThat(notify.get("parameters").toString()).contains("Idempotency-Key").doesNotContain("caller");
        assertThat(notify.at("/responses/201")).isNotNull();

        // where goods went is told by province code and place
        assertThat(doc.at("/paths/~1api~1consignments~1{reference}~1distribution-report/post/requestBody/content"
                + "/application~1json/examples").toString()).contains("\"province\"", "LA-AT", "\"place\"");
    }

    @Test
    void swaggerUiIsServed() {
        ResponseEntity<String> ui = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
