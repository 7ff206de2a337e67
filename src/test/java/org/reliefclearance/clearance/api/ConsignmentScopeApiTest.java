package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.NewConsignment;
import org.reliefclearance.documents.DocumentStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which consignments each official sees through /api: a line ministry those its authority
 * reviews, a port's customs officers their port's, headquarters and supervisors all. The same
 * rule for the listing, the details, the documents, the dossier and the actions; any other
 * consignment is "not found", as for an organisation.
 */
@ServiceTest
class ConsignmentScopeApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsignmentRegistration registration;
    @Autowired
    ConsignmentRepository consignments;
    @Autowired
    DocumentStore documents;

    ApiClient api;
    /** WFP, Wattay, a medicine line classified for MoH FDD. */
    String medicines;
    /** WFP, Thanaleng, a review row for MAF DoA (lines not yet classified). */
    String seeds;
    /** Lao Red Cross, Thanaleng, no authority concerned. */
    String tents;
    long seedsDocument;

    @BeforeEach
    void threeConsignments() {
        api = new ApiClient(http);
        Consignment m = store("WFP", "WATTAY", "Oral rehydration salts", "300490", "MEDICINE");
        consignments.classifyLine(consignments.lines(m.id()).get(0).id(), "PERMIT_REQUIRED", List.of("MOH_FDD"));
        medicines = m.reference();
        Consignment s = store("WFP", "THANALENG", "Vegetable seeds for sowing", "120991", "SEEDS_PLANTS");
        jdbc.sql("insert into authority_review (consignment_id, authority_code, status) values (?, 'MAF_DOA', 'PENDING')")
                .param(s.id()).update();
        seeds = s.reference();
        seedsDocument = documents.store(s, "PACKING_LIST", "packing-list.pdf", ApiClient.PDF, "wfp").id();
        tents = store("LRC", "THANALENG", "Family tents", "630622", "SHELTER").reference();
    }

    @Test
    void aLineMinistrySeesOnlyWhatItsAuthorityReviews() {
        assertSees("moh", medicines);
        assertDoesNotSee("moh", seeds, tents);
        assertSees("maf", seeds);
        assertDoesNotSee("maf", medicines, tents);
        assertDoesNotSee("mtc", medicines, seeds, tents);
        assertEveryListedConsignment("moh", """
                select count(*) from consignment c where c.reference = ? and (
                  exists (select 1 from authority_review r where r.consignment_id = c.id and r.authority_code = 'MOH_FDD')
                  or exists (select 1 from consignment_line l join line_authority la on la.line_id = l.id
                             where l.consignment_id = c.id and la.authority_code = 'MOH_FDD'))""");
    }

    @Test
    void portCustomsSeeOnlyTheirPort() {
        assertSees("port-wattay", medicines);
        assertDoesNotSee("port-wattay", seeds, tents);
        assertSees("port-thanaleng", seeds, tents);
        assertDoesNotSee("port-thanaleng", medicines);
        assertEveryListedConsignment("port-thanaleng",
                "select count(*) from consignment where reference = ? and port_code = 'THANALENG'");
    }

    @Test
    void headquartersAndSupervisorsSeeEverything() {
        for (String user : List.of("molsw", "customs", "coordinator", "owner")) {
            assertSees(user, medicines, seeds, tents);
        }
    }

    @Test
    void organisationsSeeTheirOwn() {
        assertSees("wfp", medicines, seeds);
        assertDoesNotSee("wfp", tents);
        assertSees("laoredcross", tents);
        assertDoesNotSee("laoredcross", medicines, seeds);
    }

    @Test
    void actionsOnAConsignmentOutOfScopeAreNotFoundAndChangeNothing() {
        List<Map<String, Object>> before = state(seeds);

        assertThat(api.postTo("port-wattay", "/api/consignments/" + seeds + "/arrival", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.postTo("moh", "/api/consignments/" + seeds + "/withdrawal", Map.of("reason", "not ours"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.postTo("moh", "/api/consignments/" + seeds + "/information",
                Map.of("authority", "MOH_FDD", "response", "x")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // in scope, but only the consignee withdraws
        assertThat(api.postTo("maf", "/api/consignments/" + seeds + "/withdrawal", Map.of("reason", "not ours"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(state(seeds)).isEqualTo(before);
    }

    private void assertSees(String user, String... references) {
        List<String> listed = listed(user);
        for (String reference : references) {
            String path = "/api/consignments/" + reference;
            assertThat(api.get(user, path).getStatusCode()).as("%s reads %s", user, reference).isEqualTo(HttpStatus.OK);
            assertThat(api.get(user, path + "/documents").getStatusCode()).as("%s lists documents", user)
                    .isEqualTo(HttpStatus.OK);
            assertThat(api.as(user).getForEntity(path + "/dossier.pdf", byte[].class).getStatusCode())
                    .as("%s reads the dossier of %s", user, reference).isEqualTo(HttpStatus.OK);
            assertThat(listed).as("%s lists %s", user, reference).contains(reference);
        }
    }

    private void assertDoesNotSee(String user, String... references) {
        List<String> listed = listed(user);
        for (String reference : references) {
            String path = "/api/consignments/" + reference;
            assertNotFound(api.get(user, path), user + " reads " + reference);
            assertNotFound(api.get(user, path + "/documents"), user + " lists documents of " + reference);
            assertThat(api.as(user).getForEntity(path + "/dossier.pdf", String.class).getStatusCode())
                    .as("%s reads the dossier of %s", user, reference).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(listed).as("%s lists %s", user, reference).doesNotContain(reference);
        }
        if (List.of(references).contains(seeds)) {
            assertNotFound(api.get(user, "/api/consignments/" + seeds + "/documents/" + seedsDocument),
                    user + " downloads a document of " + seeds);
        }
    }

    private static void assertNotFound(ResponseEntity<JsonNode> response, String what) {
        assertThat(response.getStatusCode()).as(what).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Every consignment the user's listing shows, on every page, meets {@code rule} (a count query by reference). */
    private void assertEveryListedConsignment(String user, String rule) {
        for (String reference : listed(user)) {
            assertThat(jdbc.sql(rule).param(reference).query(Long.class).single()).as(reference).isOne();
        }
    }

    private List<String> listed(String user) {
        List<String> references = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get(user, "/api/consignments?size=100&page=" + page).getBody();
            body.get("items").forEach(i -> references.add(i.get("reference").asText()));
            if ((long) (page + 1) * 100 >= body.get("total").asLong()) {
                return references;
            }
        }
    }

    private List<Map<String, Object>> state(String reference) {
        return jdbc.sql("""
                select c.status, c.status_reason, c.updated_at,
                  (select count(*) from consignment_event e where e.consignment_id = c.id) events,
                  (select count(*) from authority_review r where r.consignment_id = c.id) reviews,
                  (select count(*) from consignment_document d where d.consignment_id = c.id) documents
                from consignment c where c.reference = ?""").param(reference).query().listOfRows();
    }

    private Consignment store(String organisation, String port, String description, String hsCode, String category) {
        NewConsignment notification = new NewConsignment(organisation, port, "LA-VT", OffsetDateTime.now().plusDays(2), "CMR",
                "CMR-" + System.nanoTime(), null, false, List.of(new NewConsignment.Line(description, hsCode, category,
                        new BigDecimal("100"), "PCS", new BigDecimal("1000"), null)));
        return registration.store(notification, organisation.equals("WFP") ? "wfp" : "laoredcross");
    }
}
