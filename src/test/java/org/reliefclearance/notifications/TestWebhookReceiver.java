package org.reliefclearance.notifications;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An organisation's system in the test JVM: plain HTTP on 127.0.0.1, one endpoint per path. It
 * answers the verification handshake by echoing the challenge, and accepts an event only when its
 * signature is valid for the path's secret and its timestamp is within the 5-minute replay window of
 * the service's clock; everything else is refused 401. A path can be down (503) or answer the
 * handshake wrongly.
 */
public final class TestWebhookReceiver {

    static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    enum Mode {
        /** Echoes challenges, accepts signed events. */
        UP,
        /** Answers every request 503. */
        DOWN,
        /** Answers the handshake 200 without the challenge. */
        WRONG_ECHO,
        /** Answers the handshake 500. */
        FAILING_HANDSHAKE
    }

    /** A request as it arrived: an event accepted, or a refused or failed one. */
    public record Request(String path, String eventId, String type, String reference, JsonNode body, int answered,
                   boolean signatureValid) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Supplier<Instant> now;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    private TestWebhookReceiver(Supplier<Instant> now) throws IOException {
        this.now = now;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Started; {@code now} is the service's clock, which tests move. */
    public static TestWebhookReceiver start(Supplier<Instant> now) {
        try {
            return new TestWebhookReceiver(now);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        server.stop(0);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + path;
    }

    public void secret(String path, String secret) {
        secrets.put("/hooks/" + path, secret);
    }

    void mode(String path, Mode mode) {
        modes.put("/hooks/" + path, mode);
    }

    synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals("/hooks/" + path)).toList();
    }

    /** The events this path accepted (valid signature, in the window). */
    public List<Request> accepted(String path) {
        return requests(path).stream().filter(r -> r.answered() == 204).toList();
    }

    synchronized List<Request> all() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        JsonNode json = JSON.readTree(body.isEmpty() ? "{}" : body);
        String timestamp = exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP);
        String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE);
        String eventId = exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID);
        Mode mode = modes.getOrDefault(path, Mode.UP);
        boolean verification = "verification".equals(json.path("type").asText());
        boolean valid = valid(secrets.get(path), timestamp, signature, body);
        int status;
        String answer = "";
        if (mode == Mode.DOWN) {
            status = 503;
        } else if (verification) {
            // the secret is not known yet at the first registration: the challenge is what proves it
            status = mode == Mode.FAILING_HANDSHAKE ? 500 : 200;
            answer = mode == Mode.WRONG_ECHO ? "{\"challenge\":\"something else\"}"
                    : "{\"challenge\":\"" + json.path("challenge").asText() + "\"}";
        } else {
            status = valid ? 204 : 401;
        }
        synchronized (this) {
            requests.add(new Request(path, eventId, json.path("type").asText(null), json.path("reference").asText(null),
                    json, status, valid));
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

    /** What a receiver does: the signature over "timestamp.body" with its secret, compared in constant time, and the window. */
    private boolean valid(String secret, String timestamp, String signature, String body) {
        if (secret == null || timestamp == null || signature == null) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(sent), now.get()).abs().compareTo(REPLAY_WINDOW) > 0) {
            return false;
        }
        // computed here as a receiver would, not with the service's own code
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + java.util.HexFormat.of()
                    .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
