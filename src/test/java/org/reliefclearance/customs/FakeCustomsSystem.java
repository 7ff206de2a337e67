package org.reliefclearance.customs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The national customs system's intake as tests need it: records every release it accepts,
 * and answers 503 while it is told to be down.
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
    private volatile int refused;

    private FakeCustomsSystem(HttpServer server) {
        this.server = server;
    }

    public static FakeCustomsSystem start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeCustomsSystem fake = new FakeCustomsSystem(server);
            server.createContext("/releases", fake::receive);
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
        int status;
        if (down) {
            refused++;
            status = 503;
        } else {
            accepted.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
            status = 201;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
