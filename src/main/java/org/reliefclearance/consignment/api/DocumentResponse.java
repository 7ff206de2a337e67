package org.reliefclearance.consignment.api;

import java.time.OffsetDateTime;

import org.reliefclearance.consignment.StoredDocument;

/** A lodged document's description; its content is at {@code href}. */
record DocumentResponse(long id, String type, String fileName, String contentType, long sizeBytes, String sha256,
                        String uploadedBy, OffsetDateTime uploadedAt, String href) {

    static DocumentResponse of(String reference, StoredDocument d) {
        return new DocumentResponse(d.id(), d.documentType(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(),
                d.uploadedBy(), d.uploadedAt(), "/api/consignments/" + reference + "/documents/" + d.id());
    }
}
