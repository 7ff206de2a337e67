package org.reliefclearance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.WebappChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Wrong passwords: every refusal is logged, whichever door it came through, and no number of
 * them locks an account for good; an administrator can lift the throttle. (The test profile
 * sets the throttle's delay to 0, so the tests need not wait.)
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class LoginAuditTest {

    private static final String PASSWORD = "Right-passphrase-42";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;

    private final String suffix = Long.toString(System.nanoTime());
    private final String wrong = "Wr0ng-guess-" + suffix;

    @AfterEach
    void removeProbeUsers() {
        identity.createUserQuery().userIdIn("probe-api-" + suffix, "probe-rest-" + suffix, "probe-web-" + suffix,
                "probe-" + suffix).list().forEach(u -> identity.deleteUser(u.getId()));
    }

    @Test
    void everyDoorLogsARefusedLoginWithTheUserNeverThePassword(CapturedOutput output) {
        String api = user("probe-api-" + suffix);
        String rest = user("probe-rest-" + suffix);
        String web = user("probe-web-" + suffix);

        assertThat(http.withBasicAuth(api, wrong).getForEntity("/api/consignments", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(rest, wrong).getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(WebappChecks.login(http, web, wrong).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("nobody-" + suffix, wrong).getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(warnings(output)).anyMatch(l -> l.endsWith("Login refused for user '" + api + "': wrong password (1 in a row)"))
                .anyMatch(l -> l.endsWith("Login refused for user '" + rest + "': wrong password (1 in a row)"))
                .anyMatch(l -> l.endsWith("Login refused for user '" + web + "': wrong password (1 in a row)"))
                .anyMatch(l -> l.endsWith("Login refused for user 'nobody-" + suffix + "': no such user"));
        assertThat(output.getAll()).doesNotContain(wrong);
    }

    private static List<String> warnings(CapturedOutput output) {
        return output.getAll().lines().filter(l -> l.contains(" WARN ")).map(String::strip).toList();
    }

    @Test
    void aCraftedUserIdCannotForgeALogLine(CapturedOutput output) {
        http.withBasicAuth("ghost-" + suffix + "\nINFO forged entry", wrong).getForEntity("/engine-rest/task", String.class);

        assertThat(output.getAll()).contains("Login refused for user 'ghost-" + suffix + "?INFO forged entry'")
                .doesNotContain("\nINFO forged entry");
    }

    @Test
    void noNumberOfWrongPasswordsLocksAnAccountForGood() {
        String id = user("probe-" + suffix);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(configuration.getLoginDelayFactor()).isEqualTo(2);
        assertThat(configuration.getLoginDelayMaxTime()).isEqualTo(60);

        for (int i = 0; i < 25; i++) {
            assertThat(http.withBasicAuth(id, wrong).getForEntity("/engine-rest/task", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(attempts(id)).isEqualTo(25);

        assertThat(http.withBasicAuth(id, PASSWORD).getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(attempts(id)).isZero();
    }

    @Test
    void onlyAnAdministratorUnlocksAUser() {
        String id = user("probe-" + suffix);
        identity.checkPassword(id, wrong);
        identity.checkPassword(id, wrong);

        assertThat(unlock("owner", "demo", id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(attempts(id)).isEqualTo(2);

        assertThat(unlock("admin", "admin", id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(attempts(id)).isZero();
        assertThat(((UserEntity) identity.createUserQuery().userId(id).singleResult()).getLockExpirationTime()).isNull();
    }

    private org.springframework.http.ResponseEntity<String> unlock(String user, String password, String id) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password).postForEntity("/engine-rest/user/" + id + "/unlock",
                new HttpEntity<>(Map.of(), headers), String.class);
    }

    private String user(String id) {
        User user = identity.newUser(id);
        user.setFirstName("Probe");
        user.setLastName("User");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        return id;
    }

    private int attempts(String id) {
        return ((UserEntity) identity.createUserQuery().userId(id).singleResult()).getAttempts();
    }
}
