package org.reliefclearance.customs;

import java.net.http.HttpClient;

import org.reliefclearance.modelguard.ModelBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The national customs system's intake for release records: {@code POST {url}/releases} with
 * the reference and release number as {@code Idempotency-Key}, so a record the customs system already
 * holds (a retry after a lost answer) is acknowledged, not duplicated. A 409 means exactly that.
 */
@ModelBean
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

    /** False when no URL is configured: hand-offs are then only recorded in the outbox. */
    public boolean connected() {
        return http != null;
    }

    /** The failed-job retry intervals of the hand-off task, read by the BPMN model. */
    public String retryIntervals() {
        return properties.retryIntervals();
    }

    /** @throws CustomsSystemUnavailableException when the record was not accepted */
    public void send(String idempotencyKey, String payloadJson) {
        try {
            http.post().uri("/releases").header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_JSON).body(payloadJson)
                    .retrieve().toBodilessEntity();
        } catch (RestClientResponseException answered) {
            if (answered.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
                return;
            }
            throw new CustomsSystemUnavailableException(
                    "Customs system answered " + answered.getStatusCode().value() + " for " + idempotencyKey, answered);
        } catch (RuntimeException unreachable) {
            throw new CustomsSystemUnavailableException(
                    "Customs system unreachable for " + idempotencyKey + ": " + unreachable.getMessage(), unreachable);
        }
    }
}
