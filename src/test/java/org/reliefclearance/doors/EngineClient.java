package org.reliefclearance.doors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Calls the engine REST API through either of its doors, as a demo user: {@code /engine-rest}
 * with HTTP Basic, or {@code /camunda/api/engine} with a webapp session (login, cookie and CSRF
 * token), the way Tasklist and Cockpit call it.
 */
public final class EngineClient {

    static final String PASSWORD = "demo";
    /** The demo profile's administrator (application-demo.yaml), for what only an administrator may try. */
    static final String ADMINISTRATOR = "admin";

    public enum Door {
        ENGINE_REST("/engine-rest/"),
        WEBAPP("/camunda/api/engine/engine/default/");

        final String root;

        Door(String root) {
            this.root = root;
        }
    }

    private final TestRestTemplate http;
    private final Map<String, Session> sessions = new HashMap<>();

    public EngineClient(TestRestTemplate http) {
        this.http = http;
    }

    ResponseEntity<String> get(Door door, String user, String path) {
        return call(door, user, HttpMethod.GET, path, null);
    }

    public ResponseEntity<String> post(Door door, String user, String path, Object body) {
        return call(door, user, HttpMethod.POST, path, body);
    }

    ResponseEntity<String> put(Door door, String user, String path, Object body) {
        return call(door, user, HttpMethod.PUT, path, body);
    }

    ResponseEntity<String> delete(Door door, String user, String path) {
        return call(door, user, HttpMethod.DELETE, path, null);
    }

    ResponseEntity<String> call(Door door, String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        if (door == Door.ENGINE_REST) {
            return http.withBasicAuth(user, password(user)).exchange(door.root + path, method,
                    new HttpEntity<>(body, headers), String.class);
        }
        Session session = sessions.computeIfAbsent(user, this::login);
        headers.put(HttpHeaders.COOKIE, session.cookieHeader());
        headers.set("X-XSRF-TOKEN", session.csrfToken());
        return http.exchange(door.root + path, method, new HttpEntity<>(body, headers), String.class);
    }

    /** {@code deployment/create} with one file, as Camunda Modeler deploys. */
    ResponseEntity<String> deploy(Door door, String user, String fileName, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "attack");
        parts.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        if (door == Door.ENGINE_REST) {
            return http.withBasicAuth(user, password(user)).exchange(door.root + "deployment/create", HttpMethod.POST,
                    new HttpEntity<>(parts, headers), String.class);
        }
        Session session = sessions.computeIfAbsent(user, this::login);
        headers.put(HttpHeaders.COOKIE, session.cookieHeader());
        headers.set("X-XSRF-TOKEN", session.csrfToken());
        return http.exchange(door.root + "deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
                String.class);
    }

    /**
     * A request to the application itself (/api, the case page) carrying only what the browser of
     * an official signed in to the webapps sends: the session cookie and the webapps' CSRF token.
     */
    ResponseEntity<String> withWebappSession(String user, HttpMethod method, String path, Object body) {
        Session session = sessions.computeIfAbsent(user, this::login);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.put(HttpHeaders.COOKIE, session.cookieHeader());
        headers.set("X-XSRF-TOKEN", session.csrfToken());
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    /**
     * The answer of the webapps' login for one app ({@code tasklist}, {@code cockpit}, {@code admin},
     * {@code welcome}), in a fresh session.
     */
    ResponseEntity<String> login(String user, String app) {
        Session session = new Session(new LinkedHashMap<>());
        session.take(http.getForEntity("/camunda/app/tasklist/default/", String.class));
        return login(session, user, app);
    }

    private ResponseEntity<String> login(Session session, String user, String app) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.put(HttpHeaders.COOKIE, session.cookieHeader());
        headers.set("X-XSRF-TOKEN", session.csrfToken());
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password(user));
        return http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
                new HttpEntity<>(form, headers), String.class);
    }

    /**
     * Logs in the way the webapps' login page does, into the first webapp the user may use. A user
     * who may use none (an organisation's member) still gets the session of Camunda's welcome page,
     * which any user may open: the door the engine must refuse them at.
     */
    private Session login(String user) {
        Session session = new Session(new LinkedHashMap<>());
        session.take(http.getForEntity("/camunda/app/tasklist/default/", String.class));
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            ResponseEntity<String> answer = login(session, user, app);
            session.take(answer);
            if (answer.getStatusCode().is2xxSuccessful()) {
                HttpHeaders withCookie = new HttpHeaders();
                withCookie.put(HttpHeaders.COOKIE, session.cookieHeader());
                session.take(http.exchange("/camunda/api/engine/engine/", HttpMethod.GET, new HttpEntity<>(withCookie),
                        String.class));
                return session;
            }
        }
        throw new IllegalStateException(user + " cannot log in to any webapp");
    }

    private static String password(String user) {
        return ADMINISTRATOR.equals(user) ? "admin" : PASSWORD;
    }

    /** The session and CSRF cookies, kept by hand: they are Secure, and a client over http drops those. */
    private record Session(Map<String, String> cookies) {

        void take(ResponseEntity<?> response) {
            for (String header : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
            if (token != null) {
                cookies.put("XSRF-TOKEN", token);
            }
        }

        List<String> cookieHeader() {
            List<String> header = new ArrayList<>();
            cookies.forEach((name, value) -> header.add(name + "=" + value));
            return List.of(String.join("; ", header));
        }

        String csrfToken() {
            return cookies.get("XSRF-TOKEN");
        }
    }
}
