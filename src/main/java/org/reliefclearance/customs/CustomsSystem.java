package org.reliefclearance.customs;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The national customs system (ASYCUDA through the single window): {@code POST {url}/declarations}
 * takes a clearance decision with the reference and release number as {@code Idempotency-Key} and answers
 * the declaration it registered; a retry with the same key answers the same declaration.
 */
@Component("customsSystem")
public class CustomsSystem {

    private final CustomsSystemProperties properties;
    private final RestClient http;

    CustomsSystem(CustomsSystemProperties properties) {
        this.properties = properties;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.http = properties.url().isEmpty() ? null
                : RestClient.builder().baseUrl(properties.url()).requestFactory(requests).build();
    }

    /** False when no URL is configured: hand-offs are then only recorded in the outbox, for collection. */
    public boolean connected() {
        return http != null;
    }

    /**
     * Hands a clearance decision to the customs system and returns the declaration it registered. The
     * same key answers the same declaration again (a retry after a lost answer), never a second one.
     *
     * @throws CustomsSystemUnavailableException when it could not be reached or failed; worth a retry
     * @throws CustomsRefusedException           when it read the decision and refused it (422)
     */
    public Declaration declare(String idempotencyKey, String clearanceDecisionJson) {
        try {
            Declaration declared = http.post().uri("/declarations").header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .body(clearanceDecisionJson).retrieve().body(Declaration.class);
            if (declared == null || declared.declarationNumber() == null || declared.declarationNumber().isBlank()) {
                throw new CustomsSystemUnavailableException("Customs system answered no declaration number for "
                        + idempotencyKey, null);
            }
            return declared;
        } catch (RestClientResponseException answered) {
            if (answered.getStatusCode().isSameCodeAs(HttpStatus.UNPROCESSABLE_ENTITY)) {
                String reason = answered.getResponseBodyAsString();
                throw new CustomsRefusedException(reason == null || reason.isBlank() ? "refused without a reason"
                        : reason.length() <= 1000 ? reason : reason.substring(0, 1000));
            }
            throw new CustomsSystemUnavailableException(
                    "Customs system answered " + answered.getStatusCode().value() + " for " + idempotencyKey, answered);
        } catch (CustomsSystemUnavailableException | CustomsRefusedException e) {
            throw e;
        } catch (RuntimeException unreachable) {
            throw new CustomsSystemUnavailableException(
                    "Customs system unreachable for " + idempotencyKey + ": " + unreachable.getMessage(), unreachable);
        }
    }

    /** The back-off between failed attempts, from {@code relief.customs-system.retry-intervals}. */
    public List<Duration> retryBackOff() {
        return Arrays.stream(properties.retryIntervals().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Duration::parse).toList();
    }
}
