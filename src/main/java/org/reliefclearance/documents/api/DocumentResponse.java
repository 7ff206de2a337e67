package org.reliefclearance.documents.api;

import java.time.OffsetDateTime;

import org.reliefclearance.documents.StoredDocument;

/** A lodged document's description; its content is at {@code href}. */
public record DocumentResponse(long id, String type, String fileName, String contentType, long sizeBytes, String sha256,
                        String uploadedBy, OffsetDateTime uploadedAt, String href) {

    public static DocumentResponse of(String reference, StoredDocument d) {
        return new DocumentResponse(d.id(), d.documentType(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(),
                d.uploadedBy(), d.uploadedAt(), "/api/consignments/" + reference + "/documents/" + d.id());
    }
}
