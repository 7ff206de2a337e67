package org.reliefclearance.registry;

import java.time.LocalDate;

/**
 * A consignee that may import relief consignments: its kind says what it must hold (see V85), its
 * status whether it is in good standing.
 */
public record Organisation(String code, String name, String kind, String groupId,
                           String status, LocalDate mouValidUntil, String counterpartMinistry,
                           LocalDate operatingPermitValidUntil, String contactName, String contactEmail,
                           String contactPhone) {

    public static final String COLUMNS = "code, name, kind, group_id, status, mou_valid_until, counterpart_ministry,"
            + " operating_permit_valid_until, contact_name, contact_email, contact_phone";

    public Organisation(String code, String name, String kind, String groupId, String status, LocalDate mouValidUntil) {
        this(code, name, kind, groupId, status, mouValidUntil, null, null, null, null, null);
    }

    public boolean isSuspended() {
        return "SUSPENDED".equals(status);
    }

    public boolean hasValidMouOn(LocalDate day) {
        return mouValidUntil != null && !mouValidUntil.isBefore(day);
    }
}
