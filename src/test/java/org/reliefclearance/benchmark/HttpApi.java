package org.reliefclearance.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.reliefclearance.clearance.api.ApiClient;
import org.reliefclearance.documents.Multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The application API over real HTTP, as an organisation's system or a port officer calls it. */
final class HttpApi {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode body) {
    }

    private final HttpClient client;
    private final String baseUrl;

    HttpApi(int port) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    Reply post(String user, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", basic(user))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    JsonNode get(String user, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", basic(user)).header("Accept", "application/json").GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Lodges a document of the consignment as its consignee; insists on 201. */
    void lodge(String user, String reference, String type) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/consignments/" + reference
                            + "/documents"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", basic(user))
                    .header("Content-Type", Multipart.CONTENT_TYPE)
                    .POST(Multipart.document(type, type.toLowerCase() + ".pdf", ApiClient.PDF))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("lodging " + type + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("lodging " + type + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Posts and insists on one of the expected statuses. */
    JsonNode postExpecting(String user, String path, Object body, int... statuses) {
        Reply reply = post(user, path, body);
        for (int s : statuses) {
            if (reply.status() == s) {
                return reply.body();
            }
        }
        throw new IllegalStateException("POST " + path + " as " + user + " answered " + reply.status() + ": "
                + reply.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
