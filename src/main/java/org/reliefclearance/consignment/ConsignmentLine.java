package org.reliefclearance.consignment;

import java.math.BigDecimal;

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
        String authorityCode,
        String reviewStatus,
        String reviewReason,
        String fate,
        /** The release the line left the border with; null while it waits. */
        String releaseNumber,
        /** What the port's tally found; null until the port tallies the line. */
        BigDecimal receivedQuantity,
        /** The port accepted to release what was received although it differs from the notification. */
        boolean discrepancyAccepted) {

    /** Received and notified quantities differ and the port has not accepted it: the line stays at the port. */
    public boolean held() {
        return receivedQuantity != null && receivedQuantity.compareTo(quantity) != 0 && !discrepancyAccepted;
    }
}
