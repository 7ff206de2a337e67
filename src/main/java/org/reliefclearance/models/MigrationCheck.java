package org.reliefclearance.models;

import java.util.List;

/**
 * The dry run of moving every running case of one version to the latest: what the plan maps, and each
 * reason it would lose a case's state. Only a check without problems may be executed.
 */
public record MigrationCheck(String key, String sourceDefinitionId, int sourceVersion, String targetDefinitionId,
                             int targetVersion, String targetVersionTag, List<String> mapped, int cases,
                             List<String> problems) {

    public boolean allowed() {
        return problems.isEmpty() && cases > 0;
    }
}
