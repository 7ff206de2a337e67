package org.reliefclearance.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.clearance.api.ApiClient.assertBadRequestNaming;

import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.api.ApiClient;
import org.reliefclearance.identity.NotificationMode;
import org.reliefclearance.identity.UserProfile;
import org.reliefclearance.identity.UserProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * GET/PUT /api/me/notifications: a user reads and sets their own address, language and digest choice
 * in the Camunda profile; an invalid value is refused with 400 naming the field and nothing changes;
 * whose settings is decided by the authentication alone.
 */
@ServiceTest
class NotificationSettingsApiTest {

    static final String PATH = "/api/me/notifications";

    @Autowired
    TestRestTemplate http;
    @Autowired
    UserProfiles profiles;
    @Autowired
    IdentityService identity;

    @AfterEach
    void restore() {
        profiles.update("wfp", "wfp@relief.test", Locale.ENGLISH, NotificationMode.IMMEDIATE);
    }

    @Test
    void aUserReadsAndChangesTheirOwnSettings() {
        ResponseEntity<JsonNode> mine = api().get("wfp", PATH);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getBody().get("email").asText()).isEqualTo("wfp@relief.test");
        assertThat(mine.getBody().get("language").asText()).isEqualTo("en");
        assertThat(mine.getBody().get("mode").asText()).isEqualTo("IMMEDIATE");

        ObjectNode body = settings("anna.logistician@wfp.example.org", "lo", "DIGEST");
        // a user id in the body names nobody: the authentication does
        body.put("userId", "molsw");
        ResponseEntity<JsonNode> changed = put("wfp", body);

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody().get("mode").asText()).isEqualTo("DIGEST");
        UserProfile stored = profiles.find("wfp").orElseThrow();
        assertThat(stored.email()).isEqualTo("anna.logistician@wfp.example.org");
        assertThat(stored.language().getLanguage()).isEqualTo("lo");
        assertThat(stored.mode()).isEqualTo(NotificationMode.DIGEST);
        // kept where Admin shows them: the user's e-mail field and user infos
        assertThat(identity.createUserQuery().userId("wfp").singleResult().getEmail())
                .isEqualTo("anna.logistician@wfp.example.org");
        assertThat(identity.getUserInfo("wfp", UserProfiles.LANGUAGE)).isEqualTo("lo");
        assertThat(profiles.find("molsw").orElseThrow().email()).isEqualTo("molsw@relief.test");
        assertThat(profiles.find("molsw").orElseThrow().mode()).isEqualTo(NotificationMode.IMMEDIATE);
    }

    @Test
    void anInvalidAddressLanguageOrModeIsRefusedNamingTheFieldAndChangesNothing() {
        assertBadRequestNaming(put("wfp", settings("not-an-address", "lo", "DIGEST")), "email");
        assertBadRequestNaming(put("wfp", settings("anna@localhost", "lo", "DIGEST")), "email");
        assertBadRequestNaming(put("wfp", settings("", "lo", "DIGEST")), "email");
        assertBadRequestNaming(put("wfp", settings("anna@wfp.example.org", "fr", "DIGEST")), "language");
        assertBadRequestNaming(put("wfp", settings("anna@wfp.example.org", "lo", "HOURLY")), "mode");

        UserProfile unchanged = profiles.find("wfp").orElseThrow();
        assertThat(unchanged.email()).isEqualTo("wfp@relief.test");
        assertThat(unchanged.language()).isEqualTo(Locale.ENGLISH);
        assertThat(unchanged.mode()).isEqualTo(NotificationMode.IMMEDIATE);
    }

    @Test
    void anAdministratorCannotSaveAnAddressNotificationsCouldNotReachEither() {
        // Camunda Admin saves a profile through the engine REST API
        org.camunda.bpm.engine.identity.User wfp = identity.createUserQuery().userId("wfp").singleResult();
        ObjectNode profile = ApiClient.JSON.createObjectNode().put("id", "wfp").put("firstName", wfp.getFirstName())
                .put("lastName", wfp.getLastName()).put("email", "wfp at example");
        ResponseEntity<JsonNode> refused = http.withBasicAuth("admin", "admin").exchange("/engine-rest/user/wfp/profile",
                HttpMethod.PUT, json(profile), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText()).contains("email must be an e-mail address");
        assertThat(identity.createUserQuery().userId("wfp").singleResult().getEmail()).isEqualTo("wfp@relief.test");

        profile.put("email", "logistics@wfp.example.org");
        assertThat(http.withBasicAuth("admin", "admin").exchange("/engine-rest/user/wfp/profile", HttpMethod.PUT,
                json(profile), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(identity.createUserQuery().userId("wfp").singleResult().getEmail())
                .isEqualTo("logistics@wfp.example.org");
    }

    @Test
    void withoutAuthenticationNothingIsReadOrChanged() {
        assertThat(http.getForEntity(PATH, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.exchange(PATH, HttpMethod.PUT, json(settings("x@example.org", "lo", "DIGEST")), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(profiles.find("wfp").orElseThrow().email()).isEqualTo("wfp@relief.test");
    }

    private ApiClient api() {
        return new ApiClient(http);
    }

    private ResponseEntity<JsonNode> put(String user, ObjectNode body) {
        return api().as(user).exchange(PATH, HttpMethod.PUT, json(body), JsonNode.class);
    }

    private static HttpEntity<ObjectNode> json(ObjectNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static ObjectNode settings(String email, String language, String mode) {
        return ApiClient.JSON.createObjectNode().put("email", email).put("language", language).put("mode", mode);
    }
}
