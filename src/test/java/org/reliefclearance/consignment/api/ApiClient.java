package org.reliefclearance.consignment.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the API as a demo user, with JSON built from a valid notification. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "demo";

    private final TestRestTemplate http;

    ApiClient(TestRestTemplate http) {
        this.http = http;
    }

    /** A notification every rule accepts: one medicine line and one shelter line, arriving in three days. */
    static ObjectNode validNotification() {
        ObjectNode n = JSON.createObjectNode();
        n.put("portOfEntry", "WATTAY");
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

    ResponseEntity<JsonNode> post(String user, Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return as(user).exchange("/api/consignments", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    ResponseEntity<JsonNode> postTo(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return as(user).getForEntity(path, JsonNode.class);
    }

    /** Notifies a valid consignment as this organisation user and returns its reference. */
    String notifyConsignment(String user) {
        ResponseEntity<JsonNode> created = post(user, validNotification(), null);
        if (created.getStatusCode().value() != 201) {
            throw new IllegalStateException("notification failed: " + created);
        }
        return created.getBody().get("reference").asText();
    }

    TestRestTemplate as(String user) {
        return user == null ? http : http.withBasicAuth(user, PASSWORD);
    }
}
