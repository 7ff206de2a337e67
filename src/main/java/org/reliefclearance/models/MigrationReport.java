package org.reliefclearance.models;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A requested migration and how its batch stands: jobs still to run, cases now on the target version,
 * cases still on the source, and the failures of batch jobs (each also an incident once out of retries).
 */
public record MigrationReport(long id, String key, int sourceVersion, int targetVersion, String batchId, int cases,
                              String requestedBy, OffsetDateTime requestedAt, boolean finished, long remainingJobs,
                              long completedJobs, long failedJobs, long migrated, long stillOnSource,
                              List<String> failures) {
}
