package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Calls the API as a demo user, with JSON built from a valid notification. */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String PASSWORD = "demo";

    private final TestRestTemplate http;

    public ApiClient(TestRestTemplate http) {
        this.http = http;
    }

    /** A notification every rule accepts: one medicine line and one shelter line, arriving in three days. */
    public static ObjectNode validNotification() {
        ObjectNode n = JSON.createObjectNode();
        n.put("portOfEntry", "WATTAY");
        n.put("destinationProvince", "LA-VT");
        n.put("expectedArrival", OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(3).withNano(0).toString());
        n.put("transportDocumentType", "AIR_WAYBILL");
        n.put("transportDocumentNumber", "157-12345675");
        n.put("donor", "ECHO");
        n.put("provisionalDeclaration", false);
        ArrayNode lines = n.putArray("lines");
        lines.addObject().put("description", "Oral rehydration salts").put("hsCode", "300490")
                .put("category", "MEDICINE").put("quantity", 20000).put("unit", "sachet")
                .put("valueUsd", 4200.00).put("grossWeightKg", 380.5);
        lines.addObject().put("description", "Family tents").put("hsCode", "630622")
                .put("category", "SHELTER").put("quantity", 150).put("unit", "piece")
                .put("valueUsd", 27000.00);
        return n;
    }

    public ResponseEntity<JsonNode> post(String user, Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return as(user).exchange("/api/consignments", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    public ResponseEntity<JsonNode> postTo(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return as(user).getForEntity(path, JsonNode.class);
    }

    /** Notifies a valid consignment as this organisation user and returns its reference. */
    public String notifyConsignment(String user) {
        ResponseEntity<JsonNode> created = post(user, validNotification(), null);
        if (created.getStatusCode().value() != 201) {
            throw new IllegalStateException("notification failed: " + created);
        }
        return created.getBody().get("reference").asText();
    }

    public TestRestTemplate as(String user) {
        return user == null ? http : http.withBasicAuth(user, PASSWORD);
    }

    /** A minimal PDF and PNG, recognised by their signatures. */
    public static final byte[] PDF = """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    /** A 400 problem+json that names {@code field} among its errors. */
    public static void assertBadRequestNaming(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<String> fields = new ArrayList<>();
        response.getBody().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as("%s", response.getBody()).contains(field);
        assertThat(response.getBody().at("/errors/0/message").asText()).isNotBlank();
    }
}
