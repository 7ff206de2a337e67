package org.reliefclearance.enginedoor;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.authorization.Groups;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.OfficialGroup.Role;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Component;

/** Turns an authenticated user and their groups into the roles the registry gives those groups. */
@Component
class EngineCallers {

    private final Registry registry;

    EngineCallers(Registry registry) {
        this.registry = registry;
    }

    EngineCaller of(String userId, List<String> groups) {
        List<String> memberOf = groups == null ? List.of() : List.copyOf(groups);
        Map<String, Role> roleOfGroup = registry.groups().stream()
                .collect(Collectors.toMap(OfficialGroup::id, OfficialGroup::role));
        Set<Role> roles = memberOf.stream().map(roleOfGroup::get).filter(Objects::nonNull)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new EngineCaller(userId, memberOf, roles, memberOf.contains(Groups.CAMUNDA_ADMIN));
    }
}
