package org.reliefclearance.consignment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A pre-arrival notification as submitted (API or Tasklist start form), already validated. */
public record NewConsignment(
        String organisationCode,
        String portCode,
        OffsetDateTime expectedArrival,
        String transportDocumentType,
        String transportDocumentNumber,
        String donor,
        boolean provisionalDeclaration,
        List<Line> lines) {

    public NewConsignment {
        lines = List.copyOf(lines);
    }

    public record Line(String description, String hsCode, String category, BigDecimal quantity, String unit,
                       BigDecimal valueUsd, BigDecimal grossWeightKg) {
    }
}
