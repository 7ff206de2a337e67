package org.reliefclearance.enginedoor;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.reliefclearance.registry.OfficialGroup.Role;

/** Who calls the engine through Tasklist, Cockpit or the engine REST API, as the registry sees them. */
record EngineCaller(String userId, List<String> groups, Set<Role> roles, boolean administrator) {

    boolean has(Role role) {
        return roles.contains(role);
    }

    boolean memberOfAny(Collection<String> candidateGroups) {
        return candidateGroups.stream().anyMatch(groups::contains);
    }
}
