package org.reliefclearance.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.registry.RegistryClient.ADMIN;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The registry's API door: administrators change everything and MoLSW organisations, each change
 * audited with who, before and after; every other role is refused every write and nothing changes;
 * bad fields are named; groups and Tasklist grants follow a new entry at once.
 */
@ServiceTest
class RegistryApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;

    private final ObjectMapper json = new ObjectMapper();
    private RegistryClient api;

    @BeforeEach
    void client() {
        api = new RegistryClient(http);
    }

    @Test
    void aPortAddedByAnAdministratorHasItsGroupsGrantsAndAuditTrail() {
        ResponseEntity<JsonNode> created = api.put(ADMIN, "/ports/NONG_KHIAW",
                Map.of("name", "Nong Khiaw river port", "kind", "RIVER"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("customsGroup").asText()).isEqualTo("customs-port-nong-khiaw");
        assertThat(created.getBody().path("headGroup").asText()).isEqualTo("customs-port-nong-khiaw-heads");
        assertThat(jdbc.sql("select role from official_group where id in (?, ?)")
                .params("customs-port-nong-khiaw", "customs-port-nong-khiaw-heads").query(String.class).list())
                .containsExactly("PORT_CUSTOMS", "PORT_CUSTOMS");
        assertThat(identity.createGroupQuery().groupIdIn("customs-port-nong-khiaw", "customs-port-nong-khiaw-heads")
                .count()).as("Camunda groups, without a restart").isEqualTo(2);
        assertThat(authorizations.isUserAuthorized("nobody", List.of("customs-port-nong-khiaw"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).as("the role's grants").isTrue();

        ResponseEntity<JsonNode> renamed = api.put(ADMIN, "/ports/NONG_KHIAW",
                Map.of("name", "Nong Khiaw (Nam Ou) river port", "kind", "RIVER"));
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode history = api.get("coordinator", "/ports/NONG_KHIAW/history").getBody();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("changedBy").asText()).isEqualTo(ADMIN);
        assertThat(history.get(0).path("before").path("name").asText()).isEqualTo("Nong Khiaw river port");
        assertThat(history.get(0).path("after").path("name").asText()).isEqualTo("Nong Khiaw (Nam Ou) river port");
        assertThat(history.get(1).path("before").isValueNode() || history.get(1).path("before").isMissingNode())
                .as("created: nothing before").isTrue();
        assertThat(history.get(1).path("after").path("kind").asText()).isEqualTo("RIVER");
        assertThat(api.get("molsw", "/ports/NONG_KHIAW").getBody().path("port").path("name").asText())
                .isEqualTo("Nong Khiaw (Nam Ou) river port");
    }

    @Test
    void molswSuspendsAnOrganisationAndTheTrailNamesTheOfficial() throws Exception {
        assertThat(api.put(ADMIN, "/organisations/CARE_LAO", organisation("REGISTERED")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(identity.createGroupQuery().groupId("org-care-lao").count()).isEqualTo(1);

        ResponseEntity<JsonNode> suspended = api.put("molsw", "/organisations/CARE_LAO", organisation("SUSPENDED"));

        assertThat(suspended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("select status from organisation where code = 'CARE_LAO'").query(String.class).single())
                .isEqualTo("SUSPENDED");
        List<Map<String, Object>> trail = jdbc.sql("select changed_by, before_json, after_json from registry_change"
                + " where entity = 'ORGANISATION' and entry_key = 'CARE_LAO' order by id").query().listOfRows();
        assertThat(trail).hasSize(2);
        assertThat(trail.get(1).get("CHANGED_BY")).isEqualTo("molsw");
        assertThat(json.readTree((String) trail.get(1).get("BEFORE_JSON")).path("status").asText()).isEqualTo("REGISTERED");
        assertThat(json.readTree((String) trail.get(1).get("AFTER_JSON")).path("status").asText()).isEqualTo("SUSPENDED");
    }

    @Test
    void everyOtherRoleIsRefusedEveryWriteAndNothingChanges() {
        api.put(ADMIN, "/ports/REFUSAL_PORT", Map.of("name", "A port for refusals", "kind", "LAND"));
        api.put(ADMIN, "/holidays/2031-01-01", Map.of("name", "New Year 2031"));
        String before = RegistryClient.tables(jdbc);
        List<String> notAdministrators = List.of("molsw", "customs", "port-wattay", "moh", "coordinator", "owner", "wfp");

        for (String user : notAdministrators) {
            assertRefused(user, HttpMethod.PUT, "/ports/REFUSAL_PORT", Map.of("name", "Taken over", "kind", "LAND"));
            assertRefused(user, HttpMethod.PUT, "/ports/OTHER_PORT", Map.of("name", "New", "kind", "LAND"));
            assertRefused(user, HttpMethod.PUT, "/ports/REFUSAL_PORT/hours/2031",
                    List.of(Map.of("weekday", "MONDAY", "opens", "08:00", "closes", "16:00")));
            assertRefused(user, HttpMethod.PUT, "/authorities/NEW_AUTHORITY",
                    Map.of("name", "New", "ministry", "Ministry", "tacitApprovalInEmergency", false));
            assertRefused(user, HttpMethod.PUT, "/holidays/2031-01-02", Map.of("name", "Not a holiday"));
            assertRefused(user, HttpMethod.DELETE, "/holidays/2031-01-01", null);
            assertRefused(user, HttpMethod.POST, "/import", Map.of("holidays", List.of(Map.of("date", "2031-01-03",
                    "name", "Imported"))));
            assertRefused(user, HttpMethod.GET, "/export", null);
            if (!user.equals("molsw")) {
                assertRefused(user, HttpMethod.PUT, "/organisations/WFP", organisation("SUSPENDED"));
                assertRefused(user, HttpMethod.PUT, "/organisations/NEW_ORG", organisation("REGISTERED"));
            }
        }
        assertThat(api.get("wfp", "/ports").getStatusCode()).as("organisations do not read the registry")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.put(null, "/ports/REFUSAL_PORT", Map.of("name", "Anonymous", "kind", "LAND")).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(RegistryClient.tables(jdbc)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void badFieldsAreNamedAndNothingIsWritten() {
        String before = RegistryClient.tables(jdbc);

        assertBadField(api.put(ADMIN, "/ports/SHIP_PORT", Map.of("name", "Ferry", "kind", "SHIP")), "kind");
        assertBadField(api.put(ADMIN, "/ports/lower", Map.of("name", "Lower", "kind", "LAND")), "code");
        assertBadField(api.put(ADMIN, "/ports/GROUPLESS", Map.of("name", "Groups", "kind", "LAND",
                "customsGroup", "molsw-officers")), "customsGroup");
        assertBadField(api.put(ADMIN, "/organisations/MAIL_ORG", Map.of("name", "Mail", "kind", "INGO",
                "status", "REGISTERED", "contactEmail", "not an address")), "contactEmail");
        assertBadField(api.put(ADMIN, "/organisations/KIND_ORG", Map.of("name", "Kind", "kind", "CHURCH",
                "status", "REGISTERED")), "kind");
        assertBadField(api.put(ADMIN, "/ports/WATTAY/hours/2031",
                List.of(Map.of("weekday", "MONDAY", "opens", "16:00", "closes", "08:00"))), "operatingHours[0].closes");
        assertBadField(api.put(ADMIN, "/holidays/2031-05-01", Map.of("name", " ")), "name");
        assertBadField(api.send(ADMIN, HttpMethod.POST, "/import", Map.of(
                "ports", List.of(Map.of("code", "GOOD_PORT", "name", "Good", "kind", "LAND"),
                        Map.of("code", "bad port", "name", "Bad", "kind", "LAND")))), "ports[1].code");

        assertThat(RegistryClient.tables(jdbc)).as("nothing written, not even the file's good entry").isEqualTo(before);
    }

    @Test
    void unknownEntriesAreNotFound() {
        assertThat(api.get(ADMIN, "/ports/NO_SUCH_PORT").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("molsw", "/organisations/NO_SUCH_ORG").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.send(ADMIN, HttpMethod.DELETE, "/holidays/2031-07-07", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.put(ADMIN, "/ports/NO_SUCH_PORT/hours/2031", List.of()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static Map<String, Object> organisation(String status) {
        return Map.of("name", "CARE International in Lao PDR", "kind", "INGO", "status", status,
                "mouValidUntil", "2029-12-31", "counterpartMinistry", "Ministry of Health",
                "operatingPermitValidUntil", "2028-06-30", "contactEmail", "logistics@care.example");
    }

    private void assertRefused(String user, HttpMethod method, String path, Object body) {
        ResponseEntity<JsonNode> answer = api.send(user, method, path, body);
        assertThat(answer.getStatusCode()).as(user + " " + method + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
    }

    private static void assertBadField(ResponseEntity<JsonNode> answer, String field) {
        assertThat(answer.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).contains(field);
    }
}
