package org.reliefclearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Checks shared by the H2 and PostgreSQL smoke tests, and a webapp login for any test. */
public final class WebappChecks {

    private WebappChecks() {
    }

    static void assertServiceAnswers(TestRestTemplate http) {
        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/", String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getBody()).containsIgnoringCase("tasklist");

        ResponseEntity<String> cockpit = http.getForEntity("/camunda/app/cockpit/", String.class);
        assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
    }

    /** Logs in the way the Tasklist login page does. */
    public static ResponseEntity<String> login(TestRestTemplate http, String user, String password) {
        return login(http, user, password, "tasklist");
    }

    /** Logs in to one webapp ({@code tasklist}, {@code cockpit}, {@code admin}) the way its login page does. */
    public static ResponseEntity<String> login(TestRestTemplate http, String user, String password, String app) {
        // Camunda's CSRF filter hands out a token cookie with the page; the login must echo it
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.split(";", 2)[0]).toList();
        String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length())).findFirst().orElseThrow();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", token);
        headers.put(HttpHeaders.COOKIE, cookies);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        return http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
                new HttpEntity<>(form, headers), String.class);
    }
}
