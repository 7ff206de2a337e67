package org.reliefclearance.customs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the clearance decisions of releases are declared: the national customs system's base URL (blank:
 * none, releases are kept in the customs_hand_off outbox for collection), how long one call may
 * take, the retry intervals of a failing hand-off before it becomes an incident, and whether this
 * node works the hand-offs by itself (the default; tests drive the worker step by step instead).
 */
@ConfigurationProperties("relief.customs-system")
public record CustomsSystemProperties(String url, Duration timeout, String retryIntervals, Boolean workerEnabled) {

    public CustomsSystemProperties {
        url = url == null ? "" : url.strip();
        workerEnabled = workerEnabled == null || workerEnabled;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        retryIntervals = retryIntervals == null || retryIntervals.isBlank() ? "PT1M,PT5M,PT15M,PT1H" : retryIntervals;
    }
}
