package org.reliefclearance.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.clearance.api.ApiClient.assertBadRequestNaming;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.api.ApiClient;
import org.reliefclearance.emergency.NationalEmergency.Elements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Declaring and extending emergencies through {@code /api/emergencies}: MoLSW only, bad input named. */
@ServiceTest
class EmergencyApiTest {

    private static final List<String> NOT_MOLSW = List.of("customs", "port-thanaleng", "moh", "mtc-head",
            "coordinator", "owner", "wfp", "laoredcross");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private ApiClient api;
    private OffsetDateTime now;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.MINUTES);
    }

    @AfterEach
    void tearDown() {
        new EmergencyFixture(jdbc).removeAll(runtime);
    }

    @Test
    void molswDeclaresAnEmergencyForSomeProvincesAndItCoversOnlyThose() {
        ResponseEntity<JsonNode> declared = api.postTo("molsw", "/api/emergencies",
                declaration("Floods in the south (API test)", "LA-AT", "LA-CH"));

        assertThat(declared.getStatusCode()).as("%s", declared.getBody()).isEqualTo(HttpStatus.CREATED);
        String code = declared.getBody().get("code").asText();
        assertThat(declared.getBody().get("allProvinces").asBoolean()).isFalse();
        assertThat(declared.getBody().get("provinces").toString()).isEqualTo("[\"LA-AT\",\"LA-CH\"]");
        assertThat(jdbc.sql("select declared_by from emergency where code = ?").param(code).query(String.class).single())
                .isEqualTo("molsw");
        startTimer(code);

        assertThat(http.getForEntity("/api/emergencies/active?province=LA-AT", JsonNode.class).getBody()
                .get("code").asText()).isEqualTo(code);
        ResponseEntity<JsonNode> capital = http.getForEntity("/api/emergencies/active?province=LA-VT", JsonNode.class);
        assertThat(capital.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(capital.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void allProvincesMakesItNationalAndASecondOneMayOverlap() {
        ResponseEntity<JsonNode> national = api.postTo("molsw", "/api/emergencies", declaration("Typhoon (API test)", "ALL"));
        ResponseEntity<JsonNode> overlapping = api.postTo("molsw", "/api/emergencies",
                declaration("Landslides (API test)", "LA-LP"));

        assertThat(national.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(national.getBody().get("allProvinces").asBoolean()).isTrue();
        assertThat(overlapping.getStatusCode()).as("%s", overlapping.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(emergencies()).isEqualTo(2);
    }

    @Test
    void badProvincesAreNamedAndNothingIsDeclared() {
        assertBadRequestNaming(api.postTo("molsw", "/api/emergencies", declaration("Nowhere (API test)", "LA-XX")),
                "provinces");
        assertBadRequestNaming(api.postTo("molsw", "/api/emergencies", declaration("Nothing (API test)")), "provinces");
        ObjectNode backwards = declaration("Backwards (API test)", "LA-AT");
        backwards.put("endsAt", now.minusDays(1).toString());
        assertBadRequestNaming(api.postTo("molsw", "/api/emergencies", backwards), "endsAt");

        assertThat(emergencies()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(NationalEmergency.KEY).count()).isZero();
    }

    @Test
    void onlyMolswDeclaresOrExtends() {
        String code = api.postTo("molsw", "/api/emergencies", declaration("Drought (API test)", "LA-SV"))
                .getBody().get("code").asText();
        startTimer(code);
        OffsetDateTime end = endOf(code);

        for (String user : NOT_MOLSW) {
            ResponseEntity<JsonNode> declared = api.postTo(user, "/api/emergencies", declaration("By " + user, "ALL"));
            assertThat(declared.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<JsonNode> extended = api.postTo(user, "/api/emergencies/" + code + "/extension",
                    extension(end.plusDays(10), "By " + user));
            assertThat(extended.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(api.postTo(null, "/api/emergencies", declaration("Anonymous", "ALL")).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(emergencies()).isEqualTo(1);
        assertThat(endOf(code)).isEqualTo(end);
        assertThat(extensions(code)).isZero();
    }

    @Test
    void molswExtendsToALaterEndAndTheEndTimerMoves() {
        String code = api.postTo("molsw", "/api/emergencies", declaration("Floods (API extension test)", "LA-AT"))
                .getBody().get("code").asText();
        startTimer(code);
        OffsetDateTime end = endOf(code);

        assertBadRequestNaming(api.postTo("molsw", "/api/emergencies/" + code + "/extension",
                extension(end.minusDays(1), "Earlier")), "endsAt");
        assertBadRequestNaming(api.postTo("molsw", "/api/emergencies/" + code + "/extension",
                extension(end.plusDays(1), "")), "reason");
        assertThat(api.postTo("molsw", "/api/emergencies/EM-1999-999/extension", extension(end.plusDays(1), "Why"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(endOf(code)).isEqualTo(end);
        assertThat(extensions(code)).isZero();

        OffsetDateTime later = end.plusDays(10);
        ResponseEntity<JsonNode> extended = api.postTo("molsw", "/api/emergencies/" + code + "/extension",
                extension(later, "Water still rising"));

        assertThat(extended.getStatusCode()).as("%s", extended.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(endOf(code).toInstant()).isEqualTo(later.toInstant());
        assertThat(jdbc.sql("select extended_by || ': ' || reason from emergency_extension where emergency_code = ?")
                .param(code).query(String.class).single()).isEqualTo("molsw: Water still rising");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
        assertThat(management.createJobQuery().processInstanceId(instance).activityId(Elements.EMERGENCY_PERIOD_OVER)
                .singleResult().getDuedate().toInstant()).isEqualTo(later.toInstant());
    }

    private ObjectNode declaration(String name, String... provinces) {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        body.put("name", name);
        body.putArray("provinces").addAll(List.of(provinces).stream().map(ApiClient.JSON.getNodeFactory()::textNode)
                .toList());
        body.put("startsAt", now.minusMinutes(5).toString());
        body.put("endsAt", now.plus(Duration.ofDays(7)).toString());
        return body;
    }

    private static ObjectNode extension(OffsetDateTime endsAt, String reason) {
        return ApiClient.JSON.createObjectNode().put("endsAt", endsAt.toString()).put("reason", reason);
    }

    /** The start has passed: its timer fires, as the job executor would. */
    private void startTimer(String code) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance)
                .activityId(Elements.EMERGENCY_STARTS).singleResult().getId());
    }

    private OffsetDateTime endOf(String code) {
        return jdbc.sql("select ends_at from emergency where code = ?").param(code).query(OffsetDateTime.class).single();
    }

    private int emergencies() {
        return jdbc.sql("select count(*) from emergency").query(Integer.class).single();
    }

    private int extensions(String code) {
        return jdbc.sql("select count(*) from emergency_extension where emergency_code = ?").param(code)
                .query(Integer.class).single();
    }
}
