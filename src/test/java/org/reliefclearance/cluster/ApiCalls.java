package org.reliefclearance.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.reliefclearance.NotificationJson;

import org.reliefclearance.clearance.api.ApiClient;
import org.reliefclearance.documents.Multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The application API of one node, called over HTTP as a demo user (password demo). */
final class ApiCalls {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String baseUrl;

    ApiCalls(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** Medicines (Ministry of Health), seeds (Ministry of Agriculture) and tents: two parallel reviews. */
    static ObjectNode notification(String transportDocument) {
        return NotificationJson.byAirToWattay(transportDocument, NotificationJson.oralRehydrationSalts(),
                NotificationJson.vegetableSeeds(), NotificationJson.familyTents());
    }

    Answer post(String user, String path, Object body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json);
    }

    Answer get(String user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? null : JSON.readTree(response.body()));
    }

    /** Lodges a document of the consignment as its consignee. */
    Answer lodge(String user, String reference, String type) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/consignments/" + reference
                        + "/documents"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user))
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(Multipart.document(type, type.toLowerCase() + ".pdf", ApiClient.PDF))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? null : JSON.readTree(response.body()));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
