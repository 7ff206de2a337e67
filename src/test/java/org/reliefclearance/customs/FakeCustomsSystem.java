package org.reliefclearance.customs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The national customs system as tests need it: declares every clearance decision it accepts
 * (once per Idempotency-Key), answers 503 while it is told to be down and 422 while told to refuse.
 */
public final class FakeCustomsSystem {

    private static FakeCustomsSystem shared;

    /** The one every {@code @ServiceTest} context hands releases to (see {@link Connected}). */
    public static synchronized FakeCustomsSystem shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Points the service's customs-system URL at {@link #shared()}. */
    public static final class Connected implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("relief.customs-system.url=" + shared().url()).applyTo(context);
        }
    }

    /** A release record as received: its Idempotency-Key and body. */
    public record Received(String idempotencyKey, String body) {
    }

    private final HttpServer server;
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile String refusal;
    private final Map<String, String> declared = new ConcurrentHashMap<>();
    private volatile int refused;

    private FakeCustomsSystem(HttpServer server) {
        this.server = server;
    }

    public static FakeCustomsSystem start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeCustomsSystem fake = new FakeCustomsSystem(server);
            server.createContext("/declarations", fake::receive);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    /** Refuses every clearance decision with this reason (422) until {@link #accept()}. */
    public void refuse(String reason) {
        refusal = reason;
    }

    public void accept() {
        refusal = null;
    }

    public int refused() {
        return refused;
    }

    public List<Received> accepted() {
        return List.copyOf(accepted);
    }

    /** Records of the case's releases: their key is the reference, a slash and the release number. */
    public List<Received> acceptedFor(String reference) {
        return accepted.stream().filter(r -> r.idempotencyKey().startsWith(reference + "/")).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (down) {
            refused++;
            exchange.sendResponseHeaders(503, -1);
        } else if (refusal != null) {
            answer(exchange, 422, refusal);
        } else {
            // the same key answers the same declaration: a retry after a lost answer declares nothing new
            String answer = declared.computeIfAbsent(key, k -> {
                accepted.add(new Received(k, body));
                int serial = declared.size() + 1;
                return "{\"declarationNumber\":\"LA01 2026 C " + String.format("%06d", serial) + "\","
                        + "\"procedureCode\":\"" + (body.contains("\"procedure\":\"IM8\"") ? "IM8" : "IM4") + "\","
                        + "\"releaseOrder\":\"RO-" + String.format("%06d", serial) + "\"}";
            });
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            answer(exchange, 201, answer);
        }
        exchange.close();
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
