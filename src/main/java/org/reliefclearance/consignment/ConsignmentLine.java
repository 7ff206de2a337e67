package org.reliefclearance.consignment;

import java.math.BigDecimal;
import java.util.List;

/** One line of a consignment, with its classification once the rules have run. */
public record ConsignmentLine(
        long id,
        int lineNo,
        String description,
        String hsCode,
        String category,
        BigDecimal quantity,
        String unit,
        BigDecimal valueUsd,
        BigDecimal grossWeightKg,
        String treatment,
        /** The lead authority, the first of {@code authorities}; null when no authority approves the line. */
        String authorityCode,
        /** Combined over its authorities: PENDING until all decided, REJECTED once one refused, APPROVED by all. */
        String reviewStatus,
        String reviewReason,
        String fate,
        /** The release the line left the border with; null while it waits. */
        String releaseNumber,
        /** What the port's tally found; null until the port tallies the line. */
        BigDecimal receivedQuantity,
        /** The port accepted to release what was received although it differs from the notification. */
        boolean discrepancyAccepted,
        /** Every authority that must approve the line (line_authority), the lead authority first. */
        List<String> authorities) {

    public ConsignmentLine {
        // a line built from its lead authority alone (as before lines could need several) keeps it
        authorities = authorities != null && !authorities.isEmpty() ? List.copyOf(authorities)
                : authorityCode == null ? List.of() : List.of(authorityCode);
    }

    /** Received and notified quantities differ and the port has not accepted it: the line stays at the port. */
    public boolean held() {
        return receivedQuantity != null && receivedQuantity.compareTo(quantity) != 0 && !discrepancyAccepted;
    }
}
