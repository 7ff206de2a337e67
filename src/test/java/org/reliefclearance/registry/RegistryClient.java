package org.reliefclearance.registry;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/** Calls {@code /api/registry} as a user (admin/admin, the demo users with "demo"), and reads the registry's tables. */
final class RegistryClient {

    static final String ADMIN = "admin";

    private final TestRestTemplate http;

    RegistryClient(TestRestTemplate http) {
        this.http = http;
    }

    ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate caller = user == null ? http : http.withBasicAuth(user, ADMIN.equals(user) ? "admin" : "demo");
        return caller.exchange("/api/registry" + path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> put(String user, String path, Object body) {
        return send(user, HttpMethod.PUT, path, body);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return send(user, HttpMethod.GET, path, null);
    }

    /** Every row of the registry's tables and its groups, to show that a refused call changed nothing. */
    static String tables(JdbcClient jdbc) {
        StringBuilder all = new StringBuilder();
        for (String query : new String[] {
                "select * from port order by code", "select * from authority order by code",
                "select * from organisation order by code", "select * from official_group order by id",
                "select * from public_holiday order by holiday_date",
                "select * from port_operating_hours order by port_code, hours_year, weekday",
                "select count(*) from registry_change"}) {
            all.append(jdbc.sql(query).query().listOfRows()).append('\n');
        }
        return all.toString();
    }
}
