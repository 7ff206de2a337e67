package org.reliefclearance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.WebappChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Headers, CSRF and error bodies: what a browser or a probe sees. */
@ServiceTest
class WebSecurityTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void applicationResponsesCarrySecurityHeaders() {
        ResponseEntity<String> response = http.withBasicAuth("molsw", "demo").getForEntity("/api/nothing-here", String.class);
        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getCacheControl()).contains("no-store");
    }

    @Test
    void webappsCarryCamundasContentSecurityPolicy() {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void sessionAndCsrfCookiesAreSentOverHttpsOnly() {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        ResponseEntity<String> login = WebappChecks.login(http, "molsw", "demo");
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);

        List<String> cookies = new ArrayList<>(page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
        cookies.addAll(login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
        assertThat(cookies).anyMatch(c -> c.startsWith("XSRF-TOKEN=")).anyMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(cookies).allSatisfy(c -> assertThat(attributes(c)).contains("secure"));
        assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID="))
                .allSatisfy(c -> assertThat(attributes(c)).contains("httponly"));
    }

    private static List<String> attributes(String setCookie) {
        return Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
    }

    @Test
    void webappLoginWithoutTheCsrfTokenIsRefused() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "molsw");
        form.add("password", "demo");
        ResponseEntity<String> response = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>(form, headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void errorsNeverShowStackTracesOrSql() {
        ResponseEntity<String> response = http.withBasicAuth("molsw", "demo")
                .getForEntity("/api/nothing-here", String.class);
        assertThat(response.getStatusCode().is4xxClientError()).isTrue();
        assertThat(response.getBody()).doesNotContain("trace").doesNotContain("Exception").doesNotContain("select ");
    }

    @Test
    void anonymousCallersGetNoApplicationData() {
        assertThat(http.getForEntity("/api/consignments", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
