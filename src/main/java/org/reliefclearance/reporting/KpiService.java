package org.reliefclearance.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.reliefclearance.reporting.KpiQueries.Review;
import org.reliefclearance.reporting.KpiReport.AuthorityFigures;
import org.reliefclearance.reporting.KpiReport.DutiesWaived;
import org.reliefclearance.reporting.KpiReport.OpenCase;
import org.reliefclearance.reporting.KpiReport.PortTimes;
import org.reliefclearance.reporting.KpiReport.StatusCount;
import org.reliefclearance.reporting.KpiReport.WaiverByDecision;
import org.springframework.stereotype.Service;

/** Computes the KPI report for a filter: SQL fetches the rows, Java computes the statistics. */
@Service
public class KpiService {

    static final int OLDEST_OPEN_CASES = 20;
    /**
     * The review status in which the authority owes a decision. INFORMATION_REQUESTED is not
     * counted as overdue: the review's clock is paused while the consignee answers.
     */
    static final String PENDING = "PENDING";

    private final KpiQueries queries;
    private final StepTimes stepTimes;
    private final DwellTimes dwellTimes;
    private final Clock clock;

    KpiService(KpiQueries queries, StepTimes stepTimes, DwellTimes dwellTimes, Clock clock) {
        this.queries = queries;
        this.stepTimes = stepTimes;
        this.dwellTimes = dwellTimes;
        this.clock = clock;
    }

    public KpiReport report(ReportFilter filter) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<StatusCount> byStatus = queries.countByStatus(filter);
        List<WaiverByDecision> waived = queries.waivedByDecision(filter);
        return new KpiReport(filter, now,
                byStatus.stream().mapToLong(StatusCount::count).sum(),
                byStatus,
                arrivalToRelease(filter),
                dwellTimes.of(filter),
                authorityFigures(queries.reviews(filter), now),
                stepTimes.of(filter),
                new DutiesWaived(waived.stream().map(WaiverByDecision::waivedValue)
                        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add), waived),
                queries.oldestOpen(filter, OLDEST_OPEN_CASES).stream()
                        .map(c -> new OpenCase(c.reference(), c.organisation(), c.port(), c.status(), c.createdAt(),
                                Duration.between(c.createdAt(), now).toSeconds()))
                        .toList());
    }

    private List<PortTimes> arrivalToRelease(ReportFilter filter) {
        Map<String, List<Duration>> byPort = queries.released(filter).stream()
                .collect(Collectors.groupingBy(KpiQueries.ReleasedConsignment::port, TreeMap::new,
                        Collectors.mapping(c -> Duration.between(c.arrivedAt(), c.releasedAt()), Collectors.toList())));
        List<PortTimes> result = new ArrayList<>();
        byPort.forEach((port, durations) -> result.add(new PortTimes(port, DurationStats.of(durations))));
        return result;
    }

    static List<AuthorityFigures> authorityFigures(List<Review> reviews, OffsetDateTime now) {
        Map<String, List<Review>> byAuthority = reviews.stream()
                .collect(Collectors.groupingBy(Review::authority, TreeMap::new, Collectors.toList()));
        List<AuthorityFigures> result = new ArrayList<>();
        byAuthority.forEach((authority, rows) -> result.add(new AuthorityFigures(authority,
                rows.size(),
                rows.stream().filter(r -> r.decidedAt() == null).count(),
                DurationStats.of(rows.stream().filter(r -> r.requestedAt() != null && r.decidedAt() != null)
                        .map(r -> Duration.between(r.requestedAt(), r.decidedAt())).toList()),
                rows.stream().filter(KpiService::decidedLate).count(),
                rows.stream().filter(r -> pendingOverdue(r, now)).count(),
                rows.stream().mapToLong(Review::reminders).sum(),
                rows.stream().filter(Review::escalated).count(),
                rows.stream().filter(Review::tacit).count())));
        return result;
    }

    static boolean decidedLate(Review r) {
        return r.decidedAt() != null && r.dueAt() != null && r.decidedAt().isAfter(r.dueAt());
    }

    /** Still waiting for the authority, past its due time, on a case that is still open. */
    static boolean pendingOverdue(Review r, OffsetDateTime now) {
        return r.decidedAt() == null && r.dueAt() != null && r.dueAt().isBefore(now) && PENDING.equals(r.status())
                && !KpiQueries.TERMINAL_STATUSES.contains(r.consignmentStatus());
    }
}
