package org.reliefclearance.reporting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Writes consignments with fixed timestamps straight into the tables, so figures are known exactly. */
final class ReportingFixtures {

    private final JdbcClient jdbc;

    ReportingFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String uniqueReference() {
        return "RPT-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
    }

    /** A consignment row; fill in what the test needs, then {@link #insert()}. */
    final class Row {
        final String reference = uniqueReference();
        String organisation = "WFP";
        String port = "WATTAY";
        String status = "NOTIFIED";
        OffsetDateTime createdAt;
        OffsetDateTime arrivedAt;
        OffsetDateTime releasedAt;
        String releaseNumber;
        String exemptionDecision;
        BigDecimal waivedValue;
        String emergencyCode;
        String donor = "ECHO";
        long id;

        Row(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
        }

        Row org(String code) {
            organisation = code;
            return this;
        }

        Row port(String code) {
            port = code;
            return this;
        }

        Row status(String s) {
            status = s;
            return this;
        }

        Row arrivedAndReleased(OffsetDateTime arrived, OffsetDateTime released) {
            arrivedAt = arrived;
            releasedAt = released;
            releaseNumber = "RN-" + reference;
            return this;
        }

        Row exemption(String decision, String waived) {
            exemptionDecision = decision;
            waivedValue = waived == null ? null : new BigDecimal(waived);
            return this;
        }

        Row emergency(String code) {
            emergencyCode = code;
            return this;
        }

        Row insert() {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into consignment (reference, organisation_code, port_code, expected_arrival,
                        transport_document_type, transport_document_number, donor, provisional_declaration, status,
                        exemption_decision, waived_value, release_number, released_at, arrived_at, emergency_code,
                        created_by, created_at, updated_at)
                    values (?, ?, ?, ?, 'AIR_WAYBILL', ?, ?, false, ?, ?, ?, ?, ?, ?, ?, 'test', ?, ?)""")
                    .params(reference, organisation, port, createdAt.plusDays(2), "157-" + reference.substring(4, 12),
                            donor, status, exemptionDecision, waivedValue, releaseNumber, releasedAt, arrivedAt,
                            emergencyCode, createdAt, createdAt)
                    .update(key, "id");
            id = key.getKey().longValue();
            return this;
        }
    }

    Row consignment(OffsetDateTime createdAt) {
        return new Row(createdAt);
    }

    /** An authority_review row; decidedAt null means still undecided. */
    void review(Row c, String authority, String status, OffsetDateTime requestedAt, OffsetDateTime dueAt,
                OffsetDateTime decidedAt, String decidedBy, String reason, boolean tacit, int reminders,
                boolean escalated) {
        jdbc.sql("""
                insert into authority_review (consignment_id, authority_code, status, requested_at, due_at, decided_by,
                    decided_at, reason, tacit, reminders, escalated)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id, authority, status, requestedAt, dueAt, decidedBy, decidedAt, reason, tacit, reminders,
                        escalated)
                .update();
    }

    void event(Row c, OffsetDateTime at, String actor, String type, String authority, String detail) {
        jdbc.sql("""
                insert into consignment_event (consignment_id, occurred_at, actor, event_type, authority_code, detail)
                values (?, ?, ?, ?, ?, ?)""")
                .params(c.id, at, actor, type, authority, detail)
                .update();
    }

    void line(Row c, int lineNo, String description, String hsCode, String category, String treatment,
              String authority, String reviewStatus, String reviewReason) {
        jdbc.sql("""
                insert into consignment_line (consignment_id, line_no, description, hs_code, category, quantity, unit,
                    value_usd, gross_weight_kg, treatment, authority_code, review_status, review_reason)
                values (?, ?, ?, ?, ?, 100, 'BOX', 2500.00, 340.5, ?, ?, ?, ?)""")
                .params(c.id, lineNo, description, hsCode, category, treatment, authority, reviewStatus, reviewReason)
                .update();
        if (authority != null) {
            jdbc.sql("""
                    insert into line_authority (line_id, authority_code, review_status, review_reason)
                    select id, ?, ?, ? from consignment_line where consignment_id = ? and line_no = ?""")
                    .params(authority, reviewStatus, reviewReason, c.id, lineNo).update();
        }
    }

    void document(Row c, String type, String fileName, OffsetDateTime uploadedAt) {
        jdbc.sql("""
                insert into consignment_document (consignment_id, document_type, file_name, content_type, size_bytes,
                    sha256, content, uploaded_by, uploaded_at)
                values (?, ?, ?, 'application/pdf', 4, ?, ?, 'wfp', ?)""")
                .params(c.id, type, fileName, "ab".repeat(32), new byte[] {1, 2, 3, 4}, uploadedAt)
                .update();
    }
}
