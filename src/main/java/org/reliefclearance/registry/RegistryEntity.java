package org.reliefclearance.registry;

/** The kinds of registry entry that are edited at run time, as the audit trail names them. */
public enum RegistryEntity {
    GROUP(true),
    PORT(true),
    AUTHORITY(true),
    ORGANISATION(true),
    HOLIDAY(false),
    OPERATING_HOURS(false);

    private final boolean groups;

    RegistryEntity(boolean groups) {
        this.groups = groups;
    }

    /** Whether entries of this kind have groups of officials (and so Camunda groups and grants). */
    public boolean hasGroups() {
        return groups;
    }
}
