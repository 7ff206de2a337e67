package org.reliefclearance.benchmark;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Durations of many operations, possibly recorded from several threads; nearest-rank percentiles. */
final class Latencies {

    private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

    void record(long startedNanos) {
        nanos.add(System.nanoTime() - startedNanos);
    }

    int count() {
        return nanos.size();
    }

    /** The {@code p}-th percentile (0 < p <= 100) in milliseconds. */
    double percentileMillis(double p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1_000_000.0;
    }

    static Latencies of(long... nanos) {
        Latencies l = new Latencies();
        Arrays.stream(nanos).forEach(l.nanos::add);
        return l;
    }
}
