package org.reliefclearance.reporting;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of a dossier that the consignment repository does not read: reviews and document metadata. */
@Repository
class DossierQueries {

    private final JdbcClient jdbc;

    DossierQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ReviewRow(String authorityCode, String status, OffsetDateTime requestedAt, OffsetDateTime dueAt,
                     String decidedBy, OffsetDateTime decidedAt, String reason, boolean tacit, int reminders,
                     boolean escalated) {
    }

    /** What was lodged; never the content. */
    record DocumentRow(String documentType, String fileName, String contentType, long sizeBytes, String sha256,
                       String uploadedBy, OffsetDateTime uploadedAt) {
    }

    List<ReviewRow> reviews(long consignmentId) {
        return jdbc.sql("""
                        select authority_code, status, requested_at, due_at, decided_by, decided_at, reason, tacit,
                               reminders, escalated
                        from authority_review where consignment_id = ? order by authority_code""")
                .param(consignmentId).query(ReviewRow.class).list();
    }

    List<DocumentRow> documents(long consignmentId) {
        return jdbc.sql("""
                        select document_type, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                        from consignment_document where consignment_id = ? order by uploaded_at, id""")
                .param(consignmentId).query(DocumentRow.class).list();
    }
}
