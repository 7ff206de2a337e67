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
        String releaseNumber) {
}
