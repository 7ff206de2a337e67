package org.reliefclearance.consignment.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.emergency.EmergencyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** What anyone may look up without logging in: requirements for goods, the emergency in force. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
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
        assertThat(active.getBody().get("provinces").asText()).isEqualTo("Vientiane Capital");
        assertThat(active.getBody().has("endsAt")).isTrue();
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
