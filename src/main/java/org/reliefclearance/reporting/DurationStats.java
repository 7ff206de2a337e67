package org.reliefclearance.reporting;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Count, median and 90th percentile of a set of durations, computed exactly in Java (the
 * sets are small: one value per consignment, review or activity instance in the period).
 *
 * <p>Definitions: the median is the middle value of the sorted durations, or the mean of
 * the two middle values when their number is even. The 90th percentile uses the
 * nearest-rank method: the smallest value such that at least 90% of the values are less than
 * or equal to it, i.e. the value at rank ceil(0.9 * n) (1-based) of the sorted durations.
 * Both are null when there is no value.
 */
public record DurationStats(int count, @JsonIgnore Duration median, @JsonIgnore Duration p90) {

    static final DurationStats NONE = new DurationStats(0, null, null);

    public static DurationStats of(Collection<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return NONE;
        }
        Duration median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        return new DurationStats(n, median, sorted.get(nearestRank(90, n) - 1));
    }

    @JsonProperty
    public Double medianSeconds() {
        return seconds(median);
    }

    @JsonProperty
    public Double p90Seconds() {
        return seconds(p90);
    }

    /** Seconds with millisecond precision (Camunda records durations in milliseconds). */
    static Double seconds(Duration d) {
        return d == null ? null : d.toMillis() / 1000.0;
    }

    /** 1-based rank ceil(percent / 100 * n), in integers so 90% of 10 is exactly rank 9. */
    static int nearestRank(int percent, int n) {
        return Math.max(1, (percent * n + 99) / 100);
    }
}
