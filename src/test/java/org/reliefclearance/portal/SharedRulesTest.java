package org.reliefclearance.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.api.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The API and the portal read one set of rules: when a process owner deploys a goods-classification
 * decision that no longer knows a category, both doors refuse that category at once (no restart),
 * and both take it again when the decision knows it again.
 */
@ServiceTest
class SharedRulesTest {

    static final String DECISION = "bpmn/goods-classification.dmn";

    @Autowired
    WebApplicationContext context;
    @Autowired
    RepositoryService repository;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    private final String original = packaged();

    @AfterEach
    void restoreTheRules() {
        deploy(original);
    }

    @Test
    void aCategoryTheRulesNoLongerKnowIsRefusedByTheApiAndThePortalAlike() throws Exception {
        MockMvc browser = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession wfp = (MockHttpSession) browser.perform(formLogin("/portal/login").user("wfp").password("demo"))
                .andReturn().getRequest().getSession(false);
        ApiClient api = new ApiClient(http);

        assertThat(api.post("wfp", ApiClient.validNotification(), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(portalNotification(browser, wfp, "shared-rules-1").getResponse().getRedirectedUrl())
                .contains("?notified");

        // a process owner withdraws SHELTER from the categories the rules know
        deploy(original.replace("\"SHELTER\",", ""));
        long before = consignments();

        ApiClient.assertBadRequestNaming(api.post("wfp", ApiClient.validNotification(), null), "lines[1].category");
        MvcResult portal = portalNotification(browser, wfp, "shared-rules-2");
        assertThat(portal.getResponse().getRedirectedUrl()).as("the portal refuses too").isNull();
        assertThat(portal.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"lines-0-category\"").contains("Line 1 · Category:");
        assertThat(consignments()).as("nothing stored by either door").isEqualTo(before);

        deploy(original);
        assertThat(portalNotification(browser, wfp, "shared-rules-3").getResponse().getRedirectedUrl())
                .contains("?notified");
        assertThat(api.post("wfp", ApiClient.validNotification(), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(consignments()).isEqualTo(before + 2);
    }

    private MvcResult portalNotification(MockMvc browser, MockHttpSession session, String token) throws Exception {
        return browser.perform(post("/portal/notify").session(session).with(csrf())
                .param("token", token)
                .param("portOfEntry", "WATTAY")
                .param("destinationProvince", "LA-VT")
                .param("expectedArrival", LocalDateTime.now(ZoneId.of("Asia/Vientiane")).plusDays(3)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")))
                .param("transportDocumentType", "AIR_WAYBILL")
                .param("transportDocumentNumber", "176-12345675")
                .param("lines[0].description", "Family tents")
                .param("lines[0].hsCode", "630622")
                .param("lines[0].category", "SHELTER")
                .param("lines[0].quantity", "150")
                .param("lines[0].unit", "PCS")
                .param("lines[0].valueUsd", "27000")).andReturn();
    }

    private void deploy(String dmn) {
        repository.createDeployment().name("process owner's goods rules").addString("goods-classification.dmn", dmn)
                .deploy();
    }

    private long consignments() {
        return jdbc.sql("select count(*) from consignment").query(Long.class).single();
    }

    private static String packaged() {
        try (InputStream in = SharedRulesTest.class.getClassLoader().getResourceAsStream(DECISION)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
