package org.reliefclearance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The whole service on embedded H2: webapps, health, demo login into Tasklist. */
@ServiceTest
class ApplicationSmokeTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void servesTasklistCockpitAndHealth() {
        WebappChecks.assertServiceAnswers(http);
    }

    @Test
    void demoOfficialLogsIntoTasklistButAWrongPasswordDoesNot() {
        assertThat(WebappChecks.login(http, "molsw", "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(WebappChecks.login(http, "molsw", "wrong").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestRequiresAuthentication() {
        ResponseEntity<String> anonymous = http.getForEntity("/engine-rest/process-definition", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> owner = http.withBasicAuth("owner", "demo")
                .getForEntity("/engine-rest/process-definition?key=relief-consignment-clearance", String.class);
        assertThat(owner.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(owner.getBody()).contains("relief-consignment-clearance");
    }
}
