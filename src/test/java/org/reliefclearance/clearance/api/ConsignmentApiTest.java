package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.NotificationJson;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.emergency.EmergencyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Notifying and reading consignments through the API, and what it persisted (or did not). */
@ServiceTest
class ConsignmentApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void notificationIsStoredAndItsCaseStarted() {
        ResponseEntity<JsonNode> created = api.post("wfp", ApiClient.validNotification(), null);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = created.getBody().get("reference").asText();
        assertThat(reference).matches("RC-\\d{4}-\\d{6}");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/consignments/" + reference);
        assertThat(jdbc.sql("select organisation_code, port_code, created_by from consignment where reference = ?")
                .param(reference).query().singleRow())
                .containsEntry("ORGANISATION_CODE", "WFP").containsEntry("PORT_CODE", "WATTAY")
                .containsEntry("CREATED_BY", "wfp");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ClearanceProcess.KEY)
                .processInstanceBusinessKey(reference).count()).isEqualTo(1);
    }

    @Test
    void aConsignmentNotifiedDuringAnEmergencyCountsAsOneOfItsConsignments() {
        EmergencyFixture emergencies = new EmergencyFixture(jdbc);
        emergencies.removeAll();
        String before = api.notifyConsignment("wfp");
        Instant now = Instant.now();
        emergencies.active("FLOOD-TEST", now.minusSeconds(3600), now.plusSeconds(86400));
        try {
            String during = api.notifyConsignment("wfp");

            assertThat(api.get("wfp", "/api/consignments/" + during).getBody().path("emergencyCode").asText())
                    .isEqualTo("FLOOD-TEST");
            assertThat(api.get("wfp", "/api/consignments/" + before).getBody().has("emergencyCode")).isFalse();
        } finally {
            emergencies.removeAll();
        }
    }

    @Test
    void consigneeReadsStatusLinesDocumentsStillMissingAndTimeline() {
        String reference = api.notifyConsignment("wfp");

        ResponseEntity<JsonNode> read = api.get("wfp", "/api/consignments/" + reference);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode c = read.getBody();
        assertThat(c.get("reference").asText()).isEqualTo(reference);
        assertThat(c.get("status").asText()).isEqualTo("NOTIFIED");
        assertThat(c.get("portOfEntry").asText()).isEqualTo("WATTAY");
        assertThat(c.get("lines")).hasSize(2);
        assertThat(c.at("/lines/0/hsCode").asText()).isEqualTo("300490");
        assertThat(c.at("/lines/0/quantity").decimalValue()).isEqualByComparingTo("20000");
        assertThat(c.at("/lines/1/category").asText()).isEqualTo("SHELTER");
        assertThat(texts(c.at("/documents/missing"))).contains("TRANSPORT_DOCUMENT", "PACKING_LIST",
                "PROFORMA_INVOICE", "DONATION_CERTIFICATE");
        assertThat(c.at("/timeline/0/event").asText()).isEqualTo("NOTIFIED");
        assertThat(c.at("/timeline/0/actor").asText()).isEqualTo("wfp");
        assertThat(c.get("pendingReviews")).isEmpty();
    }

    @Test
    void anotherOrganisationCannotSeeTheConsignmentButOfficialsCan() {
        String reference = api.notifyConsignment("wfp");

        ResponseEntity<JsonNode> other = api.get("laoredcross", "/api/consignments/" + reference);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.get("laoredcross", "/api/consignments/RC-1999-999999").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(references(api.get("laoredcross", "/api/consignments?size=100").getBody()))
                .doesNotContain(reference);

        // officials who see every case, and the customs officers of its port (ConsignmentScopeApiTest: the rest)
        for (String official : List.of("molsw", "customs", "port-wattay", "coordinator", "owner")) {
            assertThat(api.get(official, "/api/consignments/" + reference).getStatusCode()).as(official)
                    .isEqualTo(HttpStatus.OK);
        }
        // the administrator belongs to no registry group: neither consignee nor official
        assertThat(http.withBasicAuth("admin", "admin").getForEntity("/api/consignments/" + reference,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void listFiltersByStatusAndPortWithPagingAndTotal() {
        String first = api.notifyConsignment("laoredcross");
        ObjectNode toThanaleng = ApiClient.validNotification().put("portOfEntry", "THANALENG");
        String second = api.post("laoredcross", toThanaleng, null).getBody().get("reference").asText();

        JsonNode page = api.get("laoredcross", "/api/consignments?status=NOTIFIED&port=THANALENG&size=1&page=0")
                .getBody();
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("items")).hasSize(1);
        assertThat(references(page)).containsExactly(second);
        assertThat(page.at("/items/0/portOfEntry").asText()).isEqualTo("THANALENG");

        JsonNode all = api.get("customs", "/api/consignments?size=100").getBody();
        assertThat(references(all)).contains(first, second);
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode wattayOnly = api.get("customs", "/api/consignments?port=WATTAY&size=100").getBody();
        assertThat(references(wattayOnly)).contains(first).doesNotContain(second);
    }

    @Test
    void onlyMembersOfAnOrganisationMayNotify() {
        long before = consignmentRows();
        ResponseEntity<JsonNode> official = api.post("customs", ApiClient.validNotification(), null);
        assertThat(official.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(official.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(consignmentRows()).isEqualTo(before);
    }

    @Test
    void unauthenticatedCallsAreRefusedAsProblem() {
        ResponseEntity<JsonNode> anonymous = api.post(null, ApiClient.validNotification(), null);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anonymous.getBody().get("status").asInt()).isEqualTo(401);
        assertThat(http.getForEntity("/api/consignments", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // an unknown user: a wrong password of a real one would make Camunda delay that user's next logins
        assertThat(http.withBasicAuth("nobody", "demo").getForEntity("/api/consignments", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ObjectNode body = ApiClient.validNotification();
        NotificationJson.set(body, "portOfEntry", "NOWHERE");
        NotificationJson.set(body, "lines/0/hsCode", "12");
        NotificationJson.set(body, "lines/1/quantity", -1);

        ResponseEntity<JsonNode> rejected = assertRejectedWithoutTrace(body, "portOfEntry");
        assertThat(fields(rejected.getBody())).contains("portOfEntry", "lines[0].hsCode", "lines[1].quantity");
    }

    @Test
    void retriedNotificationWithTheSameKeyReturnsTheFirstConsignment() {
        String key = UUID.randomUUID().toString();
        ObjectNode notification = ApiClient.validNotification();

        ResponseEntity<JsonNode> first = api.post("wfp", notification, key);
        // a retry sends the same notification, though a client may write a number differently
        ObjectNode resent = notification.deepCopy();
        ((ObjectNode) resent.get("lines").get(0)).put("valueUsd", 4200);
        ResponseEntity<JsonNode> retry = api.post("wfp", resent, key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        String reference = first.getBody().get("reference").asText();
        assertThat(retry.getBody().get("reference").asText()).isEqualTo(reference);
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(rowsWithKey(key)).isEqualTo(1);
        assertThat(instancesOf(reference)).isEqualTo(1);

        // the key belongs to the organisation: another one using the same key gets its own consignment
        ResponseEntity<JsonNode> other = api.post("laoredcross", notification, key);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(other.getBody().get("reference").asText()).isNotEqualTo(reference);
    }

    @Test
    void aKeyReusedForADifferentNotificationIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        ObjectNode notification = ApiClient.validNotification();
        String reference = api.post("wfp", notification, key).getBody().get("reference").asText();
        ObjectNode changed = notification.deepCopy();
        ((ObjectNode) changed.get("lines").get(0)).put("quantity", 30000);
        long rowsBefore = consignmentRows();
        long instancesBefore = runtime.createProcessInstanceQuery().count();

        ResponseEntity<JsonNode> refused = api.post("wfp", changed, key);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(refused.getBody())).containsExactly("Idempotency-Key");
        assertThat(refused.getBody().get("detail").asText()).contains(reference);
        assertThat(consignmentRows()).isEqualTo(rowsBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        assertThat(api.post("wfp", notification, key).getStatusCode()).as("the original still retries")
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void concurrentRetriesCreateOneConsignmentAndOneCase() throws Exception {
        String key = UUID.randomUUID().toString();
        ObjectNode notification = ApiClient.validNotification();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<ResponseEntity<JsonNode>> post = () -> {
                    start.await();
                    return api.post("wfp", notification, key);
                };
                answers.add(pool.submit(post));
            }
            start.countDown();
            List<ResponseEntity<JsonNode>> responses = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : answers) {
                responses.add(answer.get());
            }

            assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode().value()).isIn(200, 201));
            assertThat(responses).filteredOn(r -> r.getStatusCode().value() == 201).hasSize(1);
            Set<String> references = responses.stream().map(r -> r.getBody().get("reference").asText())
                    .collect(Collectors.toSet());
            assertThat(references).hasSize(1);
            assertThat(rowsWithKey(key)).isEqualTo(1);
            assertThat(instancesOf(references.iterator().next())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private ResponseEntity<JsonNode> assertRejectedWithoutTrace(ObjectNode body, String field) {
        long rowsBefore = consignmentRows();
        long instancesBefore = runtime.createProcessInstanceQuery().count();

        ResponseEntity<JsonNode> rejected = api.post("wfp", body, null);

        assertBadRequestNaming(rejected, field);
        assertThat(consignmentRows()).as("consignment rows").isEqualTo(rowsBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).as("process instances").isEqualTo(instancesBefore);
        return rejected;
    }

    static void assertBadRequestNaming(ResponseEntity<JsonNode> response, String field) {
        ApiClient.assertBadRequestNaming(response, field);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static List<String> references(JsonNode page) {
        List<String> references = new ArrayList<>();
        page.get("items").forEach(i -> references.add(i.get("reference").asText()));
        return references;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static org.springframework.http.HttpHeaders jsonHeaders() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private long consignmentRows() {
        return jdbc.sql("select count(*) from consignment").query(Long.class).single();
    }

    private long rowsWithKey(String key) {
        return jdbc.sql("select count(*) from consignment where idempotency_key = ?").param(key).query(Long.class)
                .single();
    }

    private long instancesOf(String reference) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count();
    }
}
