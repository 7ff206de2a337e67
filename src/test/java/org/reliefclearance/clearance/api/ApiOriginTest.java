package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
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
 * A page on another site must not change data through a visitor's browser: /api refuses
 * POST, PUT, PATCH and DELETE whose Origin is neither the service's own nor configured.
 */
@ServiceTest
class ApiOriginTest {

    private static final String ELSEWHERE = "https://relief-donations.example";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void aNotificationFromAnotherSitesPageIsRefusedAndNothingIsStored() {
        long before = rows("consignment");

        for (String origin : List.of(ELSEWHERE, "null", "http://localhost", http.getRootUri() + ".example.org")) {
            ResponseEntity<JsonNode> refused = send("wfp", HttpMethod.POST, "/api/consignments",
                    ApiClient.validNotification(), origin);
            assertThat(refused.getStatusCode()).as(origin).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().get("title").asText()).isEqualTo("Origin not allowed");
            assertThat(refused.getBody().get("status").asInt()).isEqualTo(403);
        }

        assertThat(rows("consignment")).isEqualTo(before);
    }

    @Test
    void anActionFromAnotherSitesPageIsRefusedAndChangesNothing() {
        String reference = api.notifyConsignment("wfp");
        List<Map<String, Object>> before = state(reference);

        ResponseEntity<JsonNode> refused = send("wfp", HttpMethod.POST, "/api/consignments/" + reference + "/withdrawal",
                Map.of("reason", "Clicked on a link"), ELSEWHERE);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(state(reference)).isEqualTo(before);
    }

    @Test
    void theServicesOwnPagesServersAndReadsPass() {
        assertThat(send("wfp", HttpMethod.POST, "/api/consignments", ApiClient.validNotification(), http.getRootUri())
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send("wfp", HttpMethod.POST, "/api/consignments", ApiClient.validNotification(), null)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send("wfp", HttpMethod.GET, "/api/consignments", null, ELSEWHERE).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, Object body, String origin) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (origin != null) {
            headers.setOrigin(origin);
        }
        return api.as(user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private List<Map<String, Object>> state(String reference) {
        return jdbc.sql("""
                select c.status, c.status_reason, c.updated_at,
                  (select count(*) from authority_review r where r.consignment_id = c.id) reviews,
                  (select count(*) from consignment_event e where e.consignment_id = c.id) events,
                  (select count(*) from consignment_document d where d.consignment_id = c.id) documents
                from consignment c where c.reference = ?""").param(reference).query().listOfRows();
    }
}
