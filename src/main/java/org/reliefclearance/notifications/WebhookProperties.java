package org.reliefclearance.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code relief.webhooks.*}: whether a callback may be plain HTTP (always with the {@code demo}
 * profile) or point to a private, loopback or link-local address (never in production: it would let an
 * organisation make the service call inside its own network), after how many failed deliveries in a
 * row a webhook is disabled, and the time a receiver has to connect, to answer, and to answer the
 * verification handshake.
 */
@ConfigurationProperties("relief.webhooks")
public record WebhookProperties(Boolean allowHttp, Boolean allowPrivateAddresses, Integer disableAfter,
                                Duration connectTimeout, Duration requestTimeout, Duration handshakeTimeout) {

    public WebhookProperties {
        allowHttp = Boolean.TRUE.equals(allowHttp);
        allowPrivateAddresses = Boolean.TRUE.equals(allowPrivateAddresses);
        disableAfter = disableAfter == null || disableAfter < 1 ? 10 : disableAfter;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        handshakeTimeout = handshakeTimeout == null ? Duration.ofSeconds(5) : handshakeTimeout;
    }
}
