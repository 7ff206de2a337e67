package org.reliefclearance.consignment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A consignment row as stored. */
public record Consignment(
        long id,
        String reference,
        String organisationCode,
        String portCode,
        OffsetDateTime expectedArrival,
        String transportDocumentType,
        String transportDocumentNumber,
        String donor,
        boolean provisionalDeclaration,
        ConsignmentStatus status,
        String statusReason,
        String exemptionDecision,
        BigDecimal waivedValue,
        String releaseNumber,
        OffsetDateTime releasedAt,
        OffsetDateTime arrivedAt,
        String emergencyCode,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        /** ISO 3166-2:LA code of the province the goods are bound for; null for consignments notified before V88. */
        String destinationProvince) {
}
