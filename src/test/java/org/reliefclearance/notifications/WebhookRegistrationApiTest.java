package org.reliefclearance.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.clearance.api.ApiClient.assertBadRequestNaming;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.api.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PUT/GET/DELETE /api/organisation/webhook, POST .../secret: a member registers its organisation's
 * webhook after the URL answered the verification handshake and gets the secret once; a URL that is
 * no web URL or fails the handshake is refused with 400 naming {@code url} and nothing is stored; which
 * organisation is the caller's, so another organisation neither reads nor changes it.
 */
@ServiceTest
class WebhookRegistrationApiTest {

    static final String PATH = "/api/organisation/webhook";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    static TestWebhookReceiver receiver;

    record Stored(String organisationCode, String url, String secret, String status, String registeredBy) {
    }

    @BeforeEach
    void start() {
        if (receiver == null) {
            receiver = TestWebhookReceiver.start(clock::instant);
        }
        removeWebhooks();
    }

    @AfterEach
    void removeWebhooks() {
        jdbc.sql("delete from webhook").update();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.stop();
            receiver = null;
        }
    }

    @Test
    void aMemberRegistersItsOrganisationsWebhookAndSeesTheSecretOnce() {
        ResponseEntity<JsonNode> registered = put("wfp", receiver.url("wfp-reg"));

        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.OK);
        String secret = registered.getBody().get("secret").asText();
        assertThat(secret).hasSize(43);
        assertThat(registered.getBody().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(stored()).singleElement().isEqualTo(new Stored("WFP", receiver.url("wfp-reg"), secret, "ACTIVE", "wfp"));
        // the handshake came first: one signed POST with a challenge, echoed
        assertThat(receiver.requests("wfp-reg")).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("verification");
            assertThat(r.body().get("challenge").asText()).hasSizeGreaterThan(20);
            assertThat(r.answered()).isEqualTo(200);
        });

        ResponseEntity<JsonNode> shown = api().get("wfp", PATH);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(shown.getBody().get("url").asText()).isEqualTo(receiver.url("wfp-reg"));
        assertThat(shown.getBody().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(shown.getBody().get("consecutiveFailures").asInt()).isZero();
        assertThat(shown.getBody().get("createdAt").asText()).isNotBlank();
        assertThat(shown.getBody().has("secret")).isFalse();
        assertThat(shown.getBody().toString()).doesNotContain(secret);

        ResponseEntity<JsonNode> rotated = api().postTo("wfp", PATH + "/secret", null);
        assertThat(rotated.getStatusCode()).isEqualTo(HttpStatus.OK);
        String newSecret = rotated.getBody().get("secret").asText();
        assertThat(newSecret).hasSize(43).isNotEqualTo(secret);
        assertThat(stored()).singleElement().satisfies(s -> assertThat(s.secret()).isEqualTo(newSecret));
        assertThat(api().get("wfp", PATH).getBody().get("secretRotatedAt").asText()).isNotBlank();

        assertThat(delete("wfp").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(stored()).isEmpty();
        assertThat(api().get("wfp", PATH).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aUrlThatFailsTheHandshakeOrIsNoWebUrlIsRefusedNamingUrlAndNothingIsStored() {
        receiver.mode("wfp-500", TestWebhookReceiver.Mode.FAILING_HANDSHAKE);
        receiver.mode("wfp-wrong", TestWebhookReceiver.Mode.WRONG_ECHO);
        receiver.mode("wfp-down", TestWebhookReceiver.Mode.DOWN);

        assertRefused(put("wfp", receiver.url("wfp-500")), "HTTP 500");
        assertRefused(put("wfp", receiver.url("wfp-wrong")), "did not echo the verification challenge");
        assertRefused(put("wfp", receiver.url("wfp-down")), "HTTP 503");
        assertRefused(put("wfp", "http://127.0.0.1:" + closedPort() + "/hook"), "did not answer the verification handshake");
        assertRefused(put("wfp", "ftp://127.0.0.1/hook"), "must be an absolute URL");
        assertBadRequestNaming(put("wfp", ""), "url");
        assertThat(stored()).isEmpty();

        // a refused replacement leaves the registered webhook as it was
        String secret = put("wfp", receiver.url("wfp-ok")).getBody().get("secret").asText();
        assertRefused(put("wfp", receiver.url("wfp-wrong")), "did not echo");
        assertThat(stored()).singleElement()
                .isEqualTo(new Stored("WFP", receiver.url("wfp-ok"), secret, "ACTIVE", "wfp"));
    }

    @Test
    void anotherOrganisationNeitherReadsNorChangesTheWebhookAndHasItsOwn() {
        String wfpSecret = put("wfp", receiver.url("wfp-own")).getBody().get("secret").asText();

        assertThat(api().get("laoredcross", PATH).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api().get("laoredcross", PATH + "/deliveries").getBody().get("total").asLong()).isZero();
        assertThat(delete("laoredcross").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api().postTo("laoredcross", PATH + "/secret", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api().postTo("laoredcross", PATH + "/enable", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // an organisation in the body names nobody: the authentication does
        ResponseEntity<JsonNode> own = exchange("laoredcross", HttpMethod.PUT,
                "{\"url\":\"" + receiver.url("lrc-own") + "\",\"organisationCode\":\"WFP\"}");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        String lrcSecret = own.getBody().get("secret").asText();

        assertThat(stored()).containsExactlyInAnyOrder(
                new Stored("WFP", receiver.url("wfp-own"), wfpSecret, "ACTIVE", "wfp"),
                new Stored("LRC", receiver.url("lrc-own"), lrcSecret, "ACTIVE", "laoredcross"));
        assertThat(api().get("wfp", PATH).getBody().get("url").asText()).isEqualTo(receiver.url("wfp-own"));
        assertThat(api().get("laoredcross", PATH).getBody().get("url").asText()).isEqualTo(receiver.url("lrc-own"));

        // officials have no organisation, hence no webhook; nobody without authentication
        assertThat(api().get("molsw", PATH).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("molsw", receiver.url("molsw")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(PATH, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.exchange(PATH, HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(stored()).hasSize(2);
        assertThat(receiver.requests("molsw")).isEmpty();
    }

    private static void assertRefused(ResponseEntity<JsonNode> response, String reason) {
        assertBadRequestNaming(response, "url");
        assertThat(response.getBody().at("/errors/0/message").asText()).contains(reason);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.List<Stored> stored() {
        return jdbc.sql("select organisation_code, url, secret, status, registered_by from webhook order by organisation_code")
                .query(Stored.class).list();
    }

    private ApiClient api() {
        return new ApiClient(http);
    }

    private ResponseEntity<JsonNode> put(String user, String url) {
        return exchange(user, HttpMethod.PUT, ApiClient.JSON.createObjectNode().put("url", url).toString());
    }

    private ResponseEntity<JsonNode> delete(String user) {
        return api().as(user).exchange(PATH, HttpMethod.DELETE, null, JsonNode.class);
    }

    private ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return api().as(user).exchange(PATH, method, new HttpEntity<>(json, headers), JsonNode.class);
    }
}
