package org.reliefclearance.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.clearance.api.ApiClient.assertBadRequestNaming;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.api.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A notification names the province its goods are bound for; the emergency rules depend on it. */
@ServiceTest
class DestinationProvinceApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
    }

    @Test
    void theDestinationProvinceIsStored() {
        ResponseEntity<JsonNode> created = api.post("wfp", ApiClient.validNotification().put("destinationProvince", "LA-AT"),
                null);

        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        String reference = created.getBody().get("reference").asText();
        assertThat(jdbc.sql("select destination_province from consignment where reference = ?").param(reference)
                .query(String.class).single()).isEqualTo("LA-AT");
    }

    @Test
    void aMissingOrUnknownProvinceIsNamedAndNothingIsWritten() {
        ObjectNode missing = ApiClient.validNotification();
        missing.remove("destinationProvince");
        rejectedWithoutTrace(missing);
        rejectedWithoutTrace(ApiClient.validNotification().put("destinationProvince", "LA-XX"));
        rejectedWithoutTrace(ApiClient.validNotification().put("destinationProvince", "Attapeu"));
        rejectedWithoutTrace(ApiClient.validNotification().put("destinationProvince", ""));
    }

    private void rejectedWithoutTrace(ObjectNode body) {
        int consignments = jdbc.sql("select count(*) from consignment").query(Integer.class).single();
        long instances = runtime.createProcessInstanceQuery().count();

        assertBadRequestNaming(api.post("wfp", body, null), "destinationProvince");

        assertThat(jdbc.sql("select count(*) from consignment").query(Integer.class).single()).isEqualTo(consignments);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }
}
