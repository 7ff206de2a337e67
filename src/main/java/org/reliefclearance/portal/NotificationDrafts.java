package org.reliefclearance.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.documents.DocumentStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Notifications an organisation keeps to finish later: the form as typed, as JSON, keyed by its
 * one-time token, and the documents chosen with it (checked by the upload rules when chosen). A draft
 * belongs to its organisation: any member continues or deletes it, to anyone else it does not exist.
 * An organisation keeps at most relief.portal.max-drafts of them.
 */
@Component
class NotificationDrafts {

    private final JdbcClient jdbc;
    private final ConsignmentRepository consignments;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxDrafts;

    NotificationDrafts(JdbcClient jdbc, ConsignmentRepository consignments, ObjectMapper json, Clock clock,
                       @Value("${relief.portal.max-drafts:20}") int maxDrafts) {
        this.jdbc = jdbc;
        this.consignments = consignments;
        this.json = json;
        this.clock = clock;
        this.maxDrafts = maxDrafts;
    }

    record Draft(String token, String savedBy, OffsetDateTime savedAt, NotificationForm form) {

        public int lines() {
            return form.filledLines();
        }
    }

    record DraftDocument(long id, String documentType, String fileName, String contentType, long sizeBytes) {
    }

    /** The organisation's drafts, the latest first. */
    List<Draft> list(String organisation) {
        return jdbc.sql("select token, saved_by, saved_at, form from portal_draft where organisation_code = ?"
                        + " order by saved_at desc, token")
                .param(organisation).query(this::draft).list();
    }

    Optional<Draft> find(String token, String organisation) {
        return jdbc.sql("select token, saved_by, saved_at, form from portal_draft where token = ? and organisation_code = ?")
                .params(token, organisation).query(this::draft).optional();
    }

    /** A token that names another organisation's draft: as if there were no such draft. */
    void ensureNotElsewhere(String token, String organisation) {
        jdbc.sql("select organisation_code from portal_draft where token = ?").param(token).query(String.class)
                .optional().filter(owner -> !owner.equals(organisation)).ifPresent(owner -> {
                    throw notFound();
                });
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such draft");
    }

    List<DraftDocument> documents(String token, String organisation) {
        return jdbc.sql("""
                select d.id, d.document_type, d.file_name, d.content_type, d.size_bytes
                from portal_draft_document d join portal_draft p on p.token = d.draft_token
                where d.draft_token = ? and p.organisation_code = ? order by d.id""")
                .params(token, organisation).query(DraftDocument.class).list();
    }

    byte[] content(long documentId) {
        return jdbc.sql("select content from portal_draft_document where id = ?").param(documentId)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    /**
     * Keeps the form as it is, leaves out the documents ticked for removal and adds the new ones; a
     * new draft only while the organisation has fewer than the limit. A form that was notified already
     * (the browser's Back) becomes a new draft under a new token, not a copy of that notification.
     *
     * @return the draft's token
     * @throws InvalidInputException on field {@code draft} when the organisation has as many drafts as it may
     */
    @Transactional
    String save(NotificationForm form, String organisation, String actor, Collection<Long> removed,
                List<DocumentStore.Upload> added) {
        // one save at a time per organisation, so two at once cannot both take the last place
        jdbc.sql("select code from organisation where code = ? for update").param(organisation).query(String.class).single();
        if (consignments.findByIdempotencyKey(organisation, form.idempotencyKey()).isPresent()) {
            form.setToken(UUID.randomUUID().toString());
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String text = asJson(form);
        int updated = jdbc.sql("update portal_draft set saved_by = ?, saved_at = ?, form = ?"
                        + " where token = ? and organisation_code = ?")
                .params(actor, now, text, form.getToken(), organisation).update();
        if (updated == 0) {
            ensureNotElsewhere(form.getToken(), organisation);
            long kept = jdbc.sql("select count(*) from portal_draft where organisation_code = ?").param(organisation)
                    .query(Long.class).single();
            if (kept >= maxDrafts) {
                throw new InvalidInputException("draft", "your organisation keeps at most " + maxDrafts
                        + " drafts and has " + kept + ": notify or delete one first");
            }
            jdbc.sql("insert into portal_draft (token, organisation_code, saved_by, saved_at, form) values (?, ?, ?, ?, ?)")
                    .params(form.getToken(), organisation, actor, now, text).update();
        }
        for (Long id : removed) {
            jdbc.sql("delete from portal_draft_document where id = ? and draft_token = ?").params(id, form.getToken())
                    .update();
        }
        for (DocumentStore.Upload document : added) {
            jdbc.sql("""
                    insert into portal_draft_document (draft_token, document_type, file_name, content_type, size_bytes,
                        content, added_by, added_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(form.getToken(), document.documentType(), document.fileName(), document.contentType(),
                            (long) document.content().length, document.content(), actor, now)
                    .update();
        }
        return form.getToken();
    }

    /** Deletes the draft and its documents; whether there was one of this organisation's. */
    boolean delete(String token, String organisation) {
        return jdbc.sql("delete from portal_draft where token = ? and organisation_code = ?").params(token, organisation)
                .update() > 0;
    }

    int maxDrafts() {
        return maxDrafts;
    }

    private Draft draft(ResultSet rs, int row) throws SQLException {
        NotificationForm form;
        try {
            form = json.readValue(rs.getString("form"), NotificationForm.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Draft " + rs.getString("token") + " does not hold a form", e);
        }
        form.setToken(rs.getString("token"));
        return new Draft(rs.getString("token"), rs.getString("saved_by"), rs.getObject("saved_at", OffsetDateTime.class),
                form);
    }

    private String asJson(NotificationForm form) {
        try {
            return json.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The form cannot be written as JSON", e);
        }
    }
}
