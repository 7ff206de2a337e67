package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.emergency.EmergencyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/** What anyone may look up without logging in: requirements for goods, the emergency in force. */
@ServiceTest
class PublicLookupApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void noEmergency() {
        new EmergencyFixture(jdbc).removeAll();
    }

    @Test
    void noEmergencyInForceIsNotFound() {
        ResponseEntity<JsonNode> none = http.getForEntity("/api/emergencies/active", JsonNode.class);

        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theEmergencyInForceIsShownToAnyone() {
        Instant now = Instant.now();
        EmergencyFixture emergencies = new EmergencyFixture(jdbc);
        emergencies.ended("FLOOD-2025", now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(60)));
        emergencies.active("FLOOD-2026", now.minus(Duration.ofHours(2)), now.plus(Duration.ofDays(30)));

        ResponseEntity<JsonNode> active = http.getForEntity("/api/emergencies/active", JsonNode.class);

        assertThat(active.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(active.getBody().get("code").asText()).isEqualTo("FLOOD-2026");
        assertThat(active.getBody().get("allProvinces").asBoolean()).isTrue();
        assertThat(active.getBody().get("provinces").isEmpty()).isTrue();
        assertThat(active.getBody().has("endsAt")).isTrue();
    }

    @Test
    void medicinesNeedTheFoodAndDrugDepartmentWithinItsNormalDeadline() {
        ResponseEntity<JsonNode> found = http.getForEntity("/api/requirements?hsCode=300490&category=MEDICINE",
                JsonNode.class);

        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode r = found.getBody();
        assertThat(r.get("treatment").asText()).isEqualTo("PERMIT_REQUIRED");
        assertThat(r.at("/authority/code").asText()).isEqualTo("MOH_FDD");
        assertThat(r.at("/authority/name").asText()).isEqualTo("Food and Drug Department");
        assertThat(r.get("documents").toString()).contains("IMPORT_PERMIT");
        assertThat(r.get("alwaysRequiredDocuments").toString()).contains("TRANSPORT_DOCUMENT", "DONATION_CERTIFICATE");
        assertThat(r.get("reason").asText()).isNotBlank();
        assertThat(r.at("/reviewDeadline/emergency").asBoolean()).isFalse();
        assertThat(r.at("/reviewDeadline/description").asText()).containsIgnoringCase("working day");
        assertThat(Instant.parse(r.at("/reviewDeadline/dueAt").asText())).isAfter(Instant.now());
    }

    @Test
    void duringAnEmergencyTheReviewDeadlineIsTheEmergencyOne() {
        Instant now = Instant.now();
        new EmergencyFixture(jdbc).active("QUAKE-2026", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(10)));

        JsonNode r = http.getForEntity("/api/requirements?hsCode=300490&category=MEDICINE", JsonNode.class).getBody();

        assertThat(r.at("/reviewDeadline/emergency").asBoolean()).isTrue();
        assertThat(r.at("/reviewDeadline/description").asText()).isNotBlank();
        assertThat(Instant.parse(r.at("/reviewDeadline/dueAt").asText())).isBefore(now.plus(Duration.ofDays(10)));
    }

    @Test
    void dairyNeedsEveryAuthorityTheRulesCollectEachWithItsDeadline() {
        JsonNode r = http.getForEntity("/api/requirements?hsCode=040221&category=FOOD", JsonNode.class).getBody();

        assertThat(r.at("/authority/code").asText()).as("the lead authority").isEqualTo("MOH_FDD");
        assertThat(r.get("authorities").findValuesAsText("code")).containsExactly("MOH_FDD", "MAF_DLF");
        assertThat(r.at("/authorities/1/documents").toString()).contains("VETERINARY_CERTIFICATE");
        assertThat(r.at("/authorities/1/reviewDeadline/dueAt").asText()).isNotBlank();
        assertThat(r.get("documents").toString()).contains("CERTIFICATE_OF_ANALYSIS", "VETERINARY_CERTIFICATE");
    }

    @Test
    void reliefItemsNeedNoMinistryAndArmsAreProhibited() {
        JsonNode tents = http.getForEntity("/api/requirements?hsCode=630622&category=SHELTER", JsonNode.class)
                .getBody();
        assertThat(tents.get("treatment").asText()).isEqualTo("RELIEF_EXEMPT");
        assertThat(tents.has("authority")).isFalse();
        assertThat(tents.has("reviewDeadline")).isFalse();

        JsonNode rifles = http.getForEntity("/api/requirements?hsCode=930320&category=OTHER", JsonNode.class)
                .getBody();
        assertThat(rifles.get("treatment").asText()).isEqualTo("PROHIBITED");
        assertThat(rifles.get("reason").asText()).contains("Arms");
    }

    @Test
    void badHsCodeOrCategoryIsNamed() {
        ConsignmentApiTest.assertBadRequestNaming(
                http.getForEntity("/api/requirements?hsCode=30AB&category=MEDICINE", JsonNode.class), "hsCode");
        ConsignmentApiTest.assertBadRequestNaming(
                http.getForEntity("/api/requirements?category=MEDICINE", JsonNode.class), "hsCode");
        ConsignmentApiTest.assertBadRequestNaming(
                http.getForEntity("/api/requirements?hsCode=300490&category=SWEETS", JsonNode.class), "category");
        ConsignmentApiTest.assertBadRequestNaming(
                http.getForEntity("/api/requirements?hsCode=300490", JsonNode.class), "category");
    }
}
