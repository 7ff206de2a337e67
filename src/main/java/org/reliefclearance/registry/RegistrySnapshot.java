package org.reliefclearance.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The whole registry as one file: what {@code GET /api/registry/export} gives and import takes. The
 * groups are every official group, those of the entries and the SOP's own (MoLSW, Customs HQ, ...).
 */
public record RegistrySnapshot(List<OfficialGroup> groups, List<Port> ports, List<OperatingHours> operatingHours, List<Authority> authorities,
                               List<Organisation> organisations, List<Holiday> holidays) {

    public RegistrySnapshot {
        groups = copy(groups);
        ports = copy(ports);
        operatingHours = copy(operatingHours);
        authorities = copy(authorities);
        organisations = copy(organisations);
        holidays = copy(holidays);
    }

    /** Keeps null entries of a bad file, for validation to name them. */
    private static <T> List<T> copy(List<T> entries) {
        return entries == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(entries));
    }
}
