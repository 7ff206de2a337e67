package org.reliefclearance.registry;

import java.time.OffsetDateTime;

/** One recorded change of a registry entry: who, when, and the entry before and after, as JSON (null when absent). */
public record RegistryChange(long id, OffsetDateTime changedAt, String changedBy, String entity, String entryKey,
                             String beforeJson, String afterJson) {
}
