package org.reliefclearance.registry;

import java.time.LocalDate;

/** A humanitarian organisation that may import relief consignments. */
public record Organisation(String code, String name, String kind, String groupId,
                           String status, LocalDate mouValidUntil) {

    public boolean isSuspended() {
        return "SUSPENDED".equals(status);
    }

    public boolean hasValidMouOn(LocalDate day) {
        return mouValidUntil != null && !mouValidUntil.isBefore(day);
    }
}
