package org.reliefclearance.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * POSTs a signed JSON body to a webhook: connect and answer within their timeouts, no redirects (a
 * redirect could lead into the service's own network), HTTP/1.1. Never throws: the outcome says what
 * happened, for the delivery log.
 */
@Component
class WebhookClient {

    /** What one POST got: the status (null without an answer), the answer's start, the error, the time taken. */
    record Outcome(Integer status, String body, String error, long durationMs) {

        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }

        /** For the delivery log and the outbox row: the status, else the error. */
        String summary() {
            return error != null ? error : "HTTP " + status;
        }
    }

    private static final int MAX_BODY = 4000;

    private final HttpClient http;
    private final Clock clock;

    WebhookClient(WebhookProperties properties, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.clock = clock;
    }

    Outcome post(URI url, String body, String secret, String eventId, Duration timeout) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Relief-Clearance-Webhooks/1")
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(secret, timestamp, body))
                .header(WebhookSignature.EVENT_ID, eventId)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String answer = response.body() == null ? "" : response.body();
            return new Outcome(response.statusCode(), answer.length() <= MAX_BODY ? answer : answer.substring(0, MAX_BODY),
                    null, millisSince(start));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, null, "no answer within " + timeout.toSeconds() + " s ("
                    + e.getClass().getSimpleName() + ")", millisSince(start));
        } catch (IOException e) {
            return new Outcome(null, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, null, "interrupted", millisSince(start));
        }
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
