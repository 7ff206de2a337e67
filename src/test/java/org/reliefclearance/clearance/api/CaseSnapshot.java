package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a refused action must leave as it was, for the API tests of the actions on a running case: the
 * consignment row, its lines, its releases, its timeline and where its process waits.
 */
final class CaseSnapshot {

    private CaseSnapshot() {
    }

    static String of(ProcessInstance instance, JdbcClient jdbc, ProcessEngine engine) {
        String reference = instance.getBusinessKey();
        return jdbc.sql("""
                select status, release_number, released_at, expected_arrival, transport_document_number, updated_at
                from consignment where reference = ?""").param(reference).query().singleRow()
                + " " + jdbc.sql("""
                        select l.line_no, l.description, l.quantity, l.review_status, l.release_number,
                               l.received_quantity, l.discrepancy_accepted
                        from consignment_line l join consignment c on c.id = l.consignment_id
                        where c.reference = ? order by l.line_no""").param(reference).query().listOfRows()
                + " " + jdbc.sql("""
                        select r.release_number from consignment_release r join consignment c on c.id = r.consignment_id
                        where c.reference = ? order by r.id""").param(reference).query().listOfRows()
                + " " + jdbc.sql("""
                        select e.event_type, e.detail from consignment_event e join consignment c on c.id = e.consignment_id
                        where c.reference = ? order by e.id""").param(reference).query().listOfRows()
                + " " + engine.getRuntimeService().getActiveActivityIds(instance.getId()).stream().sorted().toList();
    }

    /** The fields a 400 problem names. */
    static List<String> fields(ResponseEntity<JsonNode> problem) {
        assertThat(problem.getStatusCode()).as(String.valueOf(problem.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> fields = new ArrayList<>();
        problem.getBody().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
