package org.reliefclearance.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges for Prometheus (/actuator/prometheus): open cases per status, overdue reviews,
 * the job executor's backlog and open incidents. Scrapes come often, so the figures are
 * read by a few count queries at most once per {@code relief.reporting.metrics-max-age}.
 */
@Component
class ReportingMetrics implements MeterBinder {

    static final String OPEN_CASES = "relief.consignments.open";
    static final String OVERDUE_REVIEWS = "relief.reviews.overdue";
    static final String EXECUTABLE_JOBS = "relief.camunda.jobs.executable";
    static final String OPEN_INCIDENTS = "relief.camunda.incidents.open";

    static final List<ConsignmentStatus> OPEN_STATUSES = Arrays.stream(ConsignmentStatus.values())
            .filter(s -> !s.isTerminal()).toList();

    private final JdbcClient jdbc;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final Clock clock;
    private final Duration maxAge;
    private Snapshot last;

    ReportingMetrics(JdbcClient jdbc, ManagementService management, RuntimeService runtime, Clock clock,
                     @Value("${relief.reporting.metrics-max-age:PT15S}") Duration maxAge) {
        this.jdbc = jdbc;
        this.management = management;
        this.runtime = runtime;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    record Snapshot(Instant takenAt, Map<String, Long> openByStatus, long overdueReviews, long executableJobs,
                    long openIncidents) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ConsignmentStatus status : OPEN_STATUSES) {
            Gauge.builder(OPEN_CASES, this, m -> m.current().openByStatus().getOrDefault(status.name(), 0L))
                    .description("Consignments in a non-terminal status").tag("status", status.name())
                    .register(registry);
        }
        Gauge.builder(OVERDUE_REVIEWS, this, m -> m.current().overdueReviews())
                .description("Authority reviews of open cases still pending after their due time")
                .register(registry);
        Gauge.builder(EXECUTABLE_JOBS, this, m -> m.current().executableJobs())
                .description("Camunda jobs due and with retries left, waiting for the job executor")
                .register(registry);
        Gauge.builder(OPEN_INCIDENTS, this, m -> m.current().openIncidents())
                .description("Open Camunda incidents (failed jobs out of retries and the like)")
                .register(registry);
    }

    synchronized Snapshot current() {
        if (last == null || last.takenAt().plus(maxAge).isBefore(clock.instant())) {
            last = refresh();
        }
        return last;
    }

    /** Reads the figures now, bypassing the cache. */
    synchronized Snapshot refresh() {
        Map<String, Long> byStatus = new HashMap<>();
        jdbc.sql("select status, count(*) from consignment where status not in (:terminal) group by status")
                .param("terminal", KpiQueries.TERMINAL_STATUSES)
                .query(rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
        long overdue = jdbc.sql("""
                        select count(*) from authority_review r join consignment c on c.id = r.consignment_id
                        where r.status = :pending and r.decided_at is null and r.due_at < :now
                          and c.status not in (:terminal)""")
                .param("pending", KpiService.PENDING)
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("terminal", KpiQueries.TERMINAL_STATUSES)
                .query(Long.class).single();
        return new Snapshot(clock.instant(), Map.copyOf(byStatus), overdue,
                management.createJobQuery().executable().count(),
                runtime.createIncidentQuery().count());
    }
}
