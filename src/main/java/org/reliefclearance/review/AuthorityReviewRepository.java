package org.reliefclearance.review;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code authority_review} rows and the review columns of {@code consignment_line}. */
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

    /** Sets the review status of this authority's lines: the listed ones rejected, all others approved. */
    public void setLineStatuses(long consignmentId, String authorityCode, Collection<Integer> rejectedLines,
                                String reason) {
        jdbc.sql("""
                update consignment_line set review_status = ?, review_reason = null
                where consignment_id = ? and authority_code = ?""")
                .params(ReviewStatus.APPROVED.name(), consignmentId, authorityCode).update();
        for (Integer lineNo : rejectedLines) {
            jdbc.sql("""
                    update consignment_line set review_status = ?, review_reason = ?
                    where consignment_id = ? and authority_code = ? and line_no = ?""")
                    .params(ReviewStatus.REJECTED.name(), reason, consignmentId, authorityCode, lineNo).update();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
