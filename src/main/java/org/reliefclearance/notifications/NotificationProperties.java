package org.reliefclearance.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code relief.notifications.*}: whether this node sends the outbox by itself (tests send it step by
 * step), how often it looks, how many rows it takes at once and for how long it holds them, the
 * back-off after a failure (doubling up to {@code maxRetryInterval}, never giving up), how often a
 * digest user hears of new tasks, the sender address, and the public addresses mails link to.
 */
@ConfigurationProperties("relief.notifications")
public record NotificationProperties(Boolean enabled, String from, Duration pollInterval, Integer batchSize,
                                     Duration lockFor, Duration retryInterval, Duration maxRetryInterval,
                                     Duration digestInterval, String tasklistUrl, String portalUrl) {

    public NotificationProperties {
        enabled = enabled == null || enabled;
        from = blank(from) ? "Relief Clearance <no-reply@relief.test>" : from.strip();
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        batchSize = batchSize == null || batchSize < 1 ? 20 : batchSize;
        lockFor = lockFor == null ? Duration.ofMinutes(2) : lockFor;
        retryInterval = retryInterval == null ? Duration.ofSeconds(30) : retryInterval;
        maxRetryInterval = maxRetryInterval == null ? Duration.ofHours(1) : maxRetryInterval;
        digestInterval = digestInterval == null ? Duration.ofMinutes(30) : digestInterval;
        tasklistUrl = trimSlash(blank(tasklistUrl) ? "http://localhost:8080/camunda/app/tasklist/default" : tasklistUrl);
        portalUrl = trimSlash(blank(portalUrl) ? "http://localhost:8080" : portalUrl);
    }

    /** The wait before try number {@code attempts + 1}: the interval, doubled after each failure. */
    Duration backOff(int attempts) {
        Duration wait = retryInterval;
        for (int i = 1; i < attempts && wait.compareTo(maxRetryInterval) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : wait;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimSlash(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
