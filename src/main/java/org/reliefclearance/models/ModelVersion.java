package org.reliefclearance.models;

/**
 * One deployed version of a process and the cases running on it; {@code latestVersion} is the version
 * new cases start on, the target a migration moves these cases to.
 */
public record ModelVersion(String key, String name, String definitionId, int version, String versionTag,
                           String deploymentId, long runningCases, int latestVersion) {

    public boolean latest() {
        return version == latestVersion;
    }

    /** Cases run on an older version: they may move to the latest. */
    public boolean migratable() {
        return !latest() && runningCases > 0;
    }
}
