package org.reliefclearance.consignment;

import java.time.OffsetDateTime;

/** One release note of a consignment: its lines carry its number. */
public record Release(String releaseNumber, OffsetDateTime releasedAt, boolean beforeDeclaration,
                      String declarationNumber, String procedureCode, String releaseOrder) {
}
