package org.reliefclearance.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The figures supervisors ask for (WCO Time Release Study style): where consignments are,
 * how long each port and authority takes, deadline breaches, duties waived and the oldest
 * open cases. Durations are given as count, median and 90th percentile, in seconds.
 */
public record KpiReport(
        ReportFilter filter,
        OffsetDateTime generatedAt,
        long consignments,
        List<StatusCount> consignmentsByStatus,
        List<PortTimes> arrivalToRelease,
        List<PortDwell> dwellAtBorder,
        List<AuthorityFigures> authorityReviews,
        List<StepTime> stepTimes,
        DutiesWaived dutiesWaived,
        List<OpenCase> oldestOpenCases) {

    public record StatusCount(String status, long count) {
    }

    /** Arrival reported to release note issued, per port of entry. */
    public record PortTimes(String port, DurationStats arrivalToRelease) {
    }

    /**
     * Goods that arrived at a port, released or still waiting: how long they stayed (arrival to
     * release, or to now) and what they waited for, most first.
     */
    public record PortDwell(String port, long arrived, long stillWaiting, DurationStats dwell, List<CauseTime> causes) {
    }

    /** Time all of a port's arrived goods waited for one cause, and its mean per consignment, in seconds. */
    public record CauseTime(String cause, long totalSeconds, long meanSeconds) {

        public Duration mean() {
            return Duration.ofSeconds(meanSeconds);
        }
    }

    /**
     * One authority's reviews. A breach is a decision after its due time (late decision) or an
     * undecided review of an open case whose due time has passed (pending overdue).
     */
    public record AuthorityFigures(String authority, long reviews, long undecided, DurationStats decisionTime,
                                   long lateDecisions, long pendingOverdue, long reminders, long escalations,
                                   long tacitApprovals) {

        @JsonProperty
        public long breaches() {
            return lateDecisions + pendingOverdue;
        }
    }

    /** Time spent in one activity of a process, from Camunda history (finished, not cancelled). */
    public record StepTime(String process, String activityId, String activityName, String activityType,
                           DurationStats duration) {
    }

    public record DutiesWaived(BigDecimal total, List<WaiverByDecision> byDecision) {
    }

    public record WaiverByDecision(String decision, long consignments, BigDecimal waivedValue) {
    }

    /** A case not yet in a terminal status; age counted from its notification. */
    public record OpenCase(String reference, String organisation, String port, String status,
                           OffsetDateTime createdAt, long ageSeconds) {

        public Duration age() {
            return Duration.ofSeconds(ageSeconds);
        }
    }
}
