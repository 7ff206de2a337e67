package org.reliefclearance.review;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code authority_review} rows, each authority's decision per line ({@code line_authority}) and the lines' combined review columns. */
@Repository
public class AuthorityReviewRepository {

    private static final String COLUMNS = "id, consignment_id, authority_code, status, requested_at, due_at, decided_by,"
            + " decided_at, reason, tacit, reminders, escalated, permit_number, permit_valid_until, permit_conditions";

    private final JdbcClient jdbc;
    private final Clock clock;

    AuthorityReviewRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The consignment's reviews, by authority. */
    public List<AuthorityReview> ofConsignment(long consignmentId) {
        return jdbc.sql("select " + COLUMNS + " from authority_review where consignment_id = ? order by authority_code")
                .param(consignmentId).query(AuthorityReview.class).list();
    }

    /** Opens (or reopens) the review; its request time is the first opening, on the engine's clock. */
    public void openPending(long consignmentId, String authorityCode, Instant requestedAt, Instant dueAt) {
        int updated = jdbc.sql("""
                update authority_review set status = ?, due_at = ?, decided_by = null, decided_at = null,
                    reason = null, tacit = false, permit_number = null, permit_valid_until = null,
                    permit_conditions = null
                where consignment_id = ? and authority_code = ?""")
                .params(ReviewStatus.PENDING.name(), utc(dueAt), consignmentId, authorityCode)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into authority_review (consignment_id, authority_code, status, requested_at, due_at)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(consignmentId, authorityCode, ReviewStatus.PENDING.name(), utc(requestedAt), utc(dueAt))
                    .update();
        }
    }

    public void updateStatus(long consignmentId, String authorityCode, ReviewStatus status, Instant dueAt) {
        jdbc.sql("update authority_review set status = ?, due_at = ? where consignment_id = ? and authority_code = ?")
                .params(status.name(), dueAt == null ? null : utc(dueAt), consignmentId, authorityCode)
                .update();
    }

    /** A pending review's deadline, moved. */
    public void moveDeadline(long consignmentId, String authorityCode, Instant dueAt) {
        jdbc.sql("update authority_review set due_at = ? where consignment_id = ? and authority_code = ? and status = ?")
                .params(utc(dueAt), consignmentId, authorityCode, ReviewStatus.PENDING.name()).update();
    }

    public void countReminder(long consignmentId, String authorityCode) {
        jdbc.sql("update authority_review set reminders = reminders + 1 where consignment_id = ? and authority_code = ?")
                .params(consignmentId, authorityCode).update();
    }

    public void markEscalated(long consignmentId, String authorityCode) {
        jdbc.sql("update authority_review set escalated = true where consignment_id = ? and authority_code = ?")
                .params(consignmentId, authorityCode).update();
    }

    public void decide(long consignmentId, String authorityCode, ReviewStatus status, String decidedBy, String reason,
                       boolean tacit) {
        jdbc.sql("""
                update authority_review set status = ?, decided_by = ?, decided_at = ?, reason = ?, tacit = ?
                where consignment_id = ? and authority_code = ?""")
                .params(status.name(), decidedBy, utc(clock.instant()), reason, tacit,
                        consignmentId, authorityCode)
                .update();
    }

    public void recordPermit(long consignmentId, String authorityCode, Permit permit) {
        jdbc.sql("""
                update authority_review set permit_number = ?, permit_valid_until = ?, permit_conditions = ?
                where consignment_id = ? and authority_code = ?""")
                .params(permit.number(), permit.validUntil(),
                        permit.conditions().isEmpty() ? null : String.join(",", permit.conditions()),
                        consignmentId, authorityCode)
                .update();
    }

    /**
     * Records this authority's decision on the lines it must approve: the listed ones rejected, all
     * others approved. Other authorities' decisions on the same lines stay; each affected line's
     * combined status follows ({@link #combine}).
     */
    public void setLineStatuses(long consignmentId, String authorityCode, Collection<Integer> rejectedLines,
                                String reason) {
        // released lines keep the decision they left with (a review may run again after an amendment)
        jdbc.sql("""
                update line_authority set review_status = ?, review_reason = null
                where authority_code = ? and line_id in
                    (select id from consignment_line where consignment_id = ? and release_number is null)""")
                .params(ReviewStatus.APPROVED.name(), authorityCode, consignmentId).update();
        for (Integer lineNo : rejectedLines) {
            jdbc.sql("""
                    update line_authority set review_status = ?, review_reason = ?
                    where authority_code = ?
                      and line_id in (select id from consignment_line where consignment_id = ? and line_no = ?)""")
                    .params(ReviewStatus.REJECTED.name(), reason, authorityCode, consignmentId, lineNo).update();
        }
        recombine(consignmentId, authorityCode);
    }

    /** What one authority decided on one line. */
    record LineDecision(long lineId, String authorityCode, String reviewStatus, String reviewReason) {
    }

    private void recombine(long consignmentId, String authorityCode) {
        Map<Long, List<LineDecision>> byLine = jdbc.sql("""
                select a.line_id, a.authority_code, a.review_status, a.review_reason
                from line_authority a join consignment_line l on l.id = a.line_id
                where l.consignment_id = ?
                  and exists (select 1 from line_authority mine where mine.line_id = a.line_id and mine.authority_code = ?)
                order by a.line_id, a.rule_order, a.authority_code""")
                .params(consignmentId, authorityCode).query(LineDecision.class).list().stream()
                .collect(Collectors.groupingBy(LineDecision::lineId, LinkedHashMap::new, Collectors.toList()));
        byLine.forEach((lineId, decisions) -> {
            LineDecision combined = combine(decisions);
            jdbc.sql("update consignment_line set review_status = ?, review_reason = ? where id = ?")
                    .params(combined.reviewStatus(), combined.reviewReason(), lineId).update();
        });
    }

    /**
     * A line's status over all its authorities: REJECTED as soon as one refused (with the refusals'
     * reasons), APPROVED when all approved, PENDING while any has not decided.
     */
    static LineDecision combine(List<LineDecision> decisions) {
        long lineId = decisions.get(0).lineId();
        List<LineDecision> refused = decisions.stream()
                .filter(d -> ReviewStatus.REJECTED.name().equals(d.reviewStatus())).toList();
        if (!refused.isEmpty()) {
            String reason = decisions.size() == 1 ? refused.get(0).reviewReason()
                    : refused.stream().map(d -> d.authorityCode() + ": " + d.reviewReason())
                            .collect(Collectors.joining("; "));
            return new LineDecision(lineId, null, ReviewStatus.REJECTED.name(),
                    reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000));
        }
        boolean allApproved = decisions.stream().allMatch(d -> ReviewStatus.APPROVED.name().equals(d.reviewStatus()));
        return new LineDecision(lineId, null, allApproved ? ReviewStatus.APPROVED.name() : ReviewStatus.PENDING.name(),
                null);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
