package org.reliefclearance.customs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where released consignments are handed over: the national customs system's base URL (blank:
 * none, releases are kept in the customs_hand_off outbox for collection), how long one call may
 * take, and the retry intervals of a failing hand-off before it becomes an incident.
 */
@ConfigurationProperties("relief.customs-system")
public record CustomsSystemProperties(String url, Duration timeout, String retryIntervals) {

    public CustomsSystemProperties {
        url = url == null ? "" : url.strip();
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        retryIntervals = retryIntervals == null || retryIntervals.isBlank() ? "PT1M,PT5M,PT15M,PT1H" : retryIntervals;
    }
}
