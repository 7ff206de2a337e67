package org.reliefclearance.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.emergency.EmergencyFixture;
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
 * Today's doors attacked from outside their rule: the registry's writes and import may not turn a
 * group outside the registry (Camunda's administrators above all) into a registry group, nor move a
 * group to another role; the names officials read in Tasklist's Markdown carry no markup, whoever
 * writes them (an anonymous applicant, MoLSW, an administrator); an applicant holds no engine grant.
 * Every refusal is a 400 naming the field, and leaves the registry, Camunda's groups, memberships and
 * grants as they were.
 */
@ServiceTest
class TodaysDoorsAttackTest {

    private static final String APPLICATIONS = "/api/recognition-applications";
    private static final String PASSWORD = "Relief-2026-strong";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;

    private EmergencyFixture emergencies;

    @BeforeEach
    void emergencyInForce() {
        emergencies = new EmergencyFixture(jdbc);
        emergencies.removeAll();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        emergencies.active("EM-ATTACK", now.minus(1, ChronoUnit.HOURS), now.plus(5, ChronoUnit.DAYS));
    }

    @AfterEach
    void noEmergency() {
        emergencies.removeAll();
    }

    @Test
    void moLSWCannotMakeTheAdministratorsGroupAnOrganisations() {
        String before = state();

        assertBadField(registry("molsw", HttpMethod.PUT, "/organisations/TAKEOVER_AID",
                organisation("Takeover Aid", "camunda-admin")), "groupId");
        assertBadField(registry("molsw", HttpMethod.PUT, "/organisations/WFP",
                organisation("World Food Programme", "camunda-admin")), "groupId");

        assertThat(state()).as("nothing changed").isEqualTo(before);
        assertThat(engine.getAuthorizationService().isUserAuthorized("admin", List.of(Groups.CAMUNDA_ADMIN),
                Permissions.ALL, Resources.AUTHORIZATION, "*")).as("administrators keep their grants").isTrue();
    }

    @Test
    void moLSWNeitherRepointsAnOrganisationsGroupNorChoosesOneForANewOrganisation() {
        String before = state();

        assertBadField(registry("molsw", HttpMethod.PUT, "/organisations/WFP",
                organisation("World Food Programme", "org-elsewhere")), "groupId");
        assertBadField(registry("molsw", HttpMethod.PUT, "/organisations/CHOSEN_GROUP_AID",
                organisation("Chosen Group Aid", "org-laoredcross-staff")), "groupId");

        assertThat(state()).as("nothing changed").isEqualTo(before);
        String wfpGroup = jdbc.sql("select group_id from organisation where code = 'WFP'").query(String.class).single();
        ResponseEntity<JsonNode> kept = registry("molsw", HttpMethod.PUT, "/organisations/KEPT_GROUP_AID",
                organisation("Kept Group Aid", "org-kept-group-aid"));
        assertThat(kept.getStatusCode()).as("the group the registry would derive may be named")
                .isEqualTo(HttpStatus.CREATED);
        assertThat(wfpGroup).isEqualTo("org-wfp");
    }

    @Test
    void anAdministratorsWritesNeitherClaimAGroupOutsideTheRegistryNorMoveAGroupToAnotherRole() {
        String before = state();

        assertBadField(registry("admin", HttpMethod.PUT, "/ports/HIJACK_PORT",
                Map.of("name", "Hijack port", "kind", "LAND", "customsGroup", "camunda-admin")), "customsGroup");
        assertBadField(registry("admin", HttpMethod.PUT, "/authorities/HIJACK_AUTHORITY",
                Map.of("name", "Hijack", "ministry", "Ministry", "tacitApprovalInEmergency", false,
                        "groupId", "camunda-admin")), "groupId");
        assertBadField(registry("admin", HttpMethod.PUT, "/authorities/MOLSW_AUTHORITY",
                Map.of("name", "Hijack", "ministry", "Ministry", "tacitApprovalInEmergency", false,
                        "groupId", "molsw-officers")), "groupId");
        assertBadField(registry("admin", HttpMethod.PUT, "/ports/WFP_PORT",
                Map.of("name", "WFP port", "kind", "LAND", "customsGroup", "org-wfp")), "customsGroup");
        assertBadField(registry("admin", HttpMethod.POST, "/import", Map.of("groups", List.of(
                Map.of("id", "camunda-admin", "name", "Administrators", "role", "PROCESS_OWNER")))), "groups[0].id");
        assertBadField(registry("admin", HttpMethod.POST, "/import", Map.of("groups", List.of(
                Map.of("id", "org-wfp", "name", "WFP customs", "role", "PORT_CUSTOMS")))), "groups[0].role");
        assertBadField(registry("admin", HttpMethod.POST, "/import", Map.of(
                "ports", List.of(Map.of("code", "WRITTEN_FIRST", "name", "Written first", "kind", "LAND")),
                "organisations", List.of(organisation("Imported Takeover", "camunda-admin", "IMPORTED_TAKEOVER")))),
                "organisations[0].groupId");

        assertThat(state()).as("nothing changed, not even the file's good entry").isEqualTo(before);
    }

    @Test
    void anApplicantsNameCarriesNoMarkdownIntoOfficialsForms() {
        String before = state();
        List<String> names = List.of("[Approved by MoLSW](https://evil.example/approve)",
                "Hope ![](https://evil.example/pixel.png)", "Aid <img src=x onerror=alert(1)>",
                "Aid\n\n### Release without checks", "**URGENT** Aid", "Aid https://evil.example");

        for (String name : names) {
            String user = "markup" + System.nanoTime();
            ResponseEntity<JsonNode> answer = apply(name, user);
            assertBadField(answer, "name");
            assertThat(engine.getIdentityService().createUserQuery().userEmail(user + "@example.org").count()).as(name)
                    .isZero();
        }
        assertThat(state()).as("nothing written").isEqualTo(before);
    }

    @Test
    void moLSWAndAdministratorsWriteNamesWithoutMarkdownToo() {
        String before = state();

        assertBadField(registry("molsw", HttpMethod.PUT, "/organisations/LINK_AID",
                organisation("[Link Aid](https://evil.example)", null)), "name");
        assertBadField(registry("molsw", HttpMethod.PUT, "/organisations/WFP",
                organisation("World Food Programme\n\n**released**", null)), "name");
        assertBadField(registry("admin", HttpMethod.PUT, "/ports/WATTAY",
                Map.of("name", "Wattay <script>alert(1)</script>", "kind", "AIR")), "name");

        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void anApplicantHoldsNoEngineGrantAndReadsNothingThroughTheEngine() {
        ResponseEntity<JsonNode> applied = apply("Grantless Relief " + System.nanoTime(), "grantless" + System.nanoTime());
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String user = applied.getBody().get("username").asText();

        assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn(user).list())
                .as("not even the grant on its own user Camunda gives every new user").isEmpty();
        ResponseEntity<String> tasks = http.withBasicAuth(user, PASSWORD).getForEntity("/engine-rest/task", String.class);
        assertThat(tasks.getStatusCode().is2xxSuccessful() ? tasks.getBody() : "[]").isEqualTo("[]");
        ResponseEntity<String> users = http.withBasicAuth(user, PASSWORD).getForEntity("/engine-rest/user", String.class);
        assertThat(users.getStatusCode().is2xxSuccessful() ? users.getBody() : "[]")
                .as("no user enumeration").isEqualTo("[]");
    }

    private ResponseEntity<JsonNode> registry(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user.equals("admin") ? "admin" : "demo")
                .exchange("/api/registry" + path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> apply(String name, String user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "INGO");
        body.put("country", "Thailand");
        body.put("contactName", "Malee Srisuk");
        body.put("contactEmail", "malee@example.org");
        body.put("email", user + "@example.org");
        body.put("password", PASSWORD);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(APPLICATIONS, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static Map<String, Object> organisation(String name, String groupId) {
        return organisation(name, groupId, null);
    }

    private static Map<String, Object> organisation(String name, String groupId, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (code != null) {
            body.put("code", code);
        }
        body.put("name", name);
        body.put("kind", "INGO");
        body.put("status", "REGISTERED");
        if (groupId != null) {
            body.put("groupId", groupId);
        }
        return body;
    }

    private static void assertBadField(ResponseEntity<JsonNode> answer, String field) {
        assertThat(answer.getStatusCode()).as(field + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).as(String.valueOf(answer.getBody()))
                .contains(field);
    }

    /** The registry's rows and trail, Camunda's groups, administrators' members and every group grant. */
    private String state() {
        StringBuilder all = new StringBuilder();
        for (String query : new String[] {"select * from port order by code", "select * from authority order by code",
                "select * from organisation order by code", "select * from official_group order by id",
                "select * from public_holiday order by holiday_date", "select count(*) from registry_change",
                "select count(*) from recognition_application"}) {
            all.append(jdbc.sql(query).query().listOfRows()).append('\n');
        }
        all.append(engine.getIdentityService().createGroupQuery().orderByGroupId().asc().list().stream()
                .map(g -> g.getId() + ":" + g.getType()).toList()).append('\n');
        all.append(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list().stream()
                .map(u -> u.getId()).sorted().toList()).append('\n');
        all.append(engine.getIdentityService().createUserQuery().count()).append('\n');
        List<String> grants = new ArrayList<>();
        for (Authorization a : engine.getAuthorizationService().createAuthorizationQuery().list()) {
            if (a.getResourceType() == Resources.TASK.resourceType() && !"*".equals(a.getResourceId())) {
                continue; // the engine's per-task grants follow other tests' running cases
            }
            grants.add(a.getGroupId() + "|" + a.getUserId() + "|" + a.getResourceType() + "|" + a.getResourceId()
                    + "|" + a.getAuthorizationType() + "|" + java.util.Arrays.toString(
                    a.getPermissions(Permissions.values())));
        }
        grants.sort(null);
        all.append(grants);
        return all.toString();
    }
}
