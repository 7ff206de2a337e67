package org.reliefclearance.documents;

import java.time.OffsetDateTime;

/** A document lodged for a consignment, without its content. */
public record StoredDocument(long id, String documentType, String fileName, String contentType, long sizeBytes,
                             String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
}
