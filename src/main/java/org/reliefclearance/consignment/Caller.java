package org.reliefclearance.consignment;

import java.util.List;

/**
 * Who calls the application API, as the registry sees them: the organisation they act for
 * (if any) and whether they belong to an official group.
 */
public record Caller(String userId, List<String> groups, String organisationCode, boolean official) {

    public Caller {
        groups = List.copyOf(groups);
    }

    public boolean actsFor(String organisation) {
        return organisationCode != null && organisationCode.equals(organisation);
    }

    public boolean memberOf(String group) {
        return groups.contains(group);
    }
}
