package org.reliefclearance.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applying for recognition through POST /api/recognition-applications and the portal's public page:
 * what is written when the application is taken (the service names the account, so nobody can probe
 * which user names exist), and that every refusal (no emergency, a name taken, bad fields, too many
 * waiting) names its reason and writes nothing.
 */
@ServiceTest
class RecognitionApplicationTest {

    static final String PATH = "/api/recognition-applications";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ObjectMapper json;
    @Autowired
    WebApplicationContext context;

    private EmergencyFixture emergencies;

    @BeforeEach
    void emergencyInForce() {
        emergencies = new EmergencyFixture(jdbc);
        emergencies.removeAll();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        emergencies.active("EM-APPLY", now.minus(1, ChronoUnit.HOURS), now.plus(5, ChronoUnit.DAYS));
    }

    @AfterEach
    void noEmergency() {
        emergencies.removeAll();
    }

    @Test
    void anApplicationCreatesTheOrganisationItsAccountWithoutEngineAccessAndMoLSWsTask() throws Exception {
        Map<String, Object> body = application("Mercy Relief Corps " + System.nanoTime(), "mercy" + System.nanoTime());

        ResponseEntity<String> answer = send(body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode applied = json.readTree(answer.getBody());
        String code = applied.get("organisationCode").asText();
        assertThat(code).startsWith("MERCY_RELIEF_CORPS_");
        String user = applied.get("username").asText();
        assertThat(user).as("named as its group").isEqualTo("org-" + code.toLowerCase().replace('_', '-'));
        assertThat(applied.get("status").asText()).isEqualTo("APPLIED");
        assertThat(applied.get("emergencyCode").asText()).isEqualTo("EM-APPLY");
        assertThat(jdbc.sql("select kind, status, group_id, contact_email from organisation where code = ?").param(code)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single())
                .containsExactly("INGO", "APPLIED", "org-" + code.toLowerCase().replace('_', '-'), "ops@mercy.example.org");
        assertThat(jdbc.sql("select role from official_group where id = ?").param("org-" + code.toLowerCase().replace('_', '-'))
                .query(String.class).single()).isEqualTo("ORGANISATION");
        assertThat(jdbc.sql("select country from recognition_application where organisation_code = ?").param(code)
                .query(String.class).single()).isEqualTo("Philippines");
        assertThat(engine.getIdentityService().createUserQuery().userId(user)
                .memberOfGroup("org-" + code.toLowerCase().replace('_', '-')).count()).isOne();
        assertThat(engine.getIdentityService().checkPassword(user, "Relief-2026-strong")).isTrue();
        assertThat(engine.getAuthorizationService().createAuthorizationQuery()
                .groupIdIn("org-" + code.toLowerCase().replace('_', '-')).count()).isZero();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey(OrganisationRecognition.Elements.DECIDE_RECOGNITION).taskCandidateGroup("molsw-officers")
                .count()).isOne();
    }

    @Test
    void noApplicationIsTakenWithoutAnEmergency() throws Exception {
        emergencies.removeAll();
        String name = "Calm Times Aid " + System.nanoTime();
        String user = "calm" + System.nanoTime();

        ResponseEntity<String> answer = send(application(name, user));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(answer.getBody()).get("title").asText()).isEqualTo("No national emergency in force");
        assertNothingWritten(name, user);
    }

    @Test
    void aNameInTheRegistryAlreadyIsRefusedNamingTheField() throws Exception {
        String user = "dup" + System.nanoTime();
        ResponseEntity<String> sameName = send(application("World Food Programme", user));

        assertThat(sameName.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fields(sameName)).containsExactly("name");
        assertNothingWritten("World Food Programme", user);
    }

    /** A name whose code, group or account exists gets the next free one: the answer tells nothing of other users. */
    @Test
    void anAccountNameThatExistsIsNeverRefusedOnlyNumbered() throws Exception {
        engine.getIdentityService().saveUser(engine.getIdentityService().newUser("org-kindred-aid"));
        try {
            ResponseEntity<String> answer = send(application("Kindred Aid", "kindred" + System.nanoTime()));

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            JsonNode applied = json.readTree(answer.getBody());
            assertThat(applied.get("organisationCode").asText()).isEqualTo("KINDRED_AID_2");
            assertThat(applied.get("username").asText()).isEqualTo("org-kindred-aid-2");
        } finally {
            engine.getIdentityService().deleteUser("org-kindred-aid");
        }
    }

    @Test
    void badFieldsAreEachNamedAndNothingIsWritten() throws Exception {
        String name = "Sloppy Aid " + System.nanoTime();
        Map<String, Object> body = application(name, "Not A User!");
        body.put("kind", "GOVERNMENT");
        body.put("email", "nowhere");
        body.put("password", "short");
        body.remove("country");

        ResponseEntity<String> answer = send(body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(answer)).containsExactlyInAnyOrder("kind", "country", "email", "password");
        assertNothingWritten(name, "Not A User!");
    }

    @Test
    void pastTheCapOfWaitingApplicationsNewOnesAreRefused() throws Exception {
        long waiting = jdbc.sql("select count(*) from organisation where status = 'APPLIED'").query(Long.class).single();
        for (long i = waiting; i < 20; i++) {
            jdbc.sql("insert into official_group (id, name, role) values (?, ?, 'ORGANISATION')")
                    .params("org-cap-" + i, "Cap " + i).update();
            jdbc.sql("insert into organisation (code, name, kind, group_id, status) values (?, ?, 'INGO', ?, 'APPLIED')")
                    .params("CAP_" + i, "Cap filler " + i, "org-cap-" + i).update();
        }
        try {
            String name = "One Too Many " + System.nanoTime();
            String user = "toomany" + System.nanoTime();

            ResponseEntity<String> answer = send(application(name, user));

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertNothingWritten(name, user);
        } finally {
            jdbc.sql("delete from organisation where code like 'CAP\\_%' escape '\\'").update();
            jdbc.sql("delete from official_group where id like 'org-cap-%'").update();
        }
    }

    @Test
    void thePublicPortalPageTakesAnApplicationAndShowsEachRefusalNextToItsField() throws Exception {
        MockMvc browser = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String page = page(browser.perform(get("/portal/apply")).andReturn());
        assertThat(page).contains("Apply for recognition during an emergency").contains("name=\"email\"")
                .doesNotContain("name=\"username\"")
                .contains("Test emergency EM-APPLY");

        String name = "Portal Aid " + System.nanoTime();
        String user = "portal" + System.nanoTime();
        MvcResult refused = browser.perform(form(name, user).param("password", "weak")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(page(refused)).contains("class=\"field-error\"").contains("shorter than 12 characters")
                .contains("value=\"" + name + "\"");
        assertNothingWritten(name, user);

        MvcResult forged = browser.perform(post("/portal/apply").param("name", name).param("email", user + "@example.org")
                .with(csrf().useInvalidToken())).andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        assertNothingWritten(name, user);

        MvcResult applied = browser.perform(form(name, user).param("password", "Relief-2026-strong")).andReturn();
        assertThat(applied.getResponse().getStatus()).isEqualTo(200);
        assertThat(page(applied)).contains("Your application for " + name + " is received");
        assertThat(jdbc.sql("select status from organisation where name = ?").param(name).query(String.class).single())
                .isEqualTo("APPLIED");
        String account = engine.getIdentityService().createUserQuery().userEmail(user + "@example.org").singleResult()
                .getId();
        assertThat(account).startsWith("org-portal-aid-");
        assertThat(page(applied)).contains(account);
    }

    private MockHttpServletRequestBuilder form(String name, String user) {
        return post("/portal/apply").with(csrf()).param("name", name).param("kind", "NATIONAL_SOCIETY")
                .param("country", "Lao PDR").param("contactName", "Noy").param("contactEmail", "noy@example.org")
                .param("email", user + "@example.org");
    }

    private static String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private Map<String, Object> application(String name, String user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "INGO");
        body.put("country", "Philippines");
        body.put("counterpartMinistry", "Ministry of Labour and Social Welfare");
        body.put("contactName", "Maria Santos");
        body.put("contactEmail", "ops@mercy.example.org");
        body.put("contactPhone", "+63 2 555 0100");
        body.put("email", user + "@example.org");
        body.put("password", "Relief-2026-strong");
        return body;
    }

    private ResponseEntity<String> send(Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(PATH, new HttpEntity<>(body, headers), String.class);
    }

    private List<String> fields(ResponseEntity<String> answer) throws Exception {
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return json.readTree(answer.getBody()).get("errors").findValuesAsText("field");
    }

    private void assertNothingWritten(String name, String user) {
        assertThat(jdbc.sql("select count(*) from organisation where name = ? and status = 'APPLIED'").param(name)
                .query(Long.class).single()).isZero();
        assertThat(engine.getIdentityService().createUserQuery().userEmail(user + "@example.org").count()).isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(OrganisationRecognition.KEY).variableValueEquals("organisationName", name).count())
                .isZero();
    }
}
