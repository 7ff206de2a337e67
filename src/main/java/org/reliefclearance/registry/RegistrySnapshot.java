package org.reliefclearance.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The whole registry as one file: what {@code GET /api/registry/export} gives and import takes. */
public record RegistrySnapshot(List<Port> ports, List<OperatingHours> operatingHours, List<Authority> authorities,
                               List<Organisation> organisations, List<Holiday> holidays) {

    public RegistrySnapshot {
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
