package org.reliefclearance.registry;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One recorded change of a registry entry: who, when, and the entry before and after as JSON (null
 * when absent: before a creation, after a deletion). The API gives both as JSON objects.
 */
public record RegistryChange(long id, OffsetDateTime changedAt, String changedBy, String entity, String entryKey,
                             @JsonRawValue String before, @JsonRawValue String after) {
}
