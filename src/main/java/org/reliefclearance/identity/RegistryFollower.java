package org.reliefclearance.identity;

import org.reliefclearance.registry.RegistryChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's groups and grants in step with the registry edited at run time: a new port,
 * authority or organisation has its groups and its role's grants before the change commits (the
 * engine writes in the registry's transaction, so a refused change leaves neither behind).
 */
@Component
class RegistryFollower {

    private final IdentitySetup identity;
    private final AuthorizationSetup authorizations;
    private final TasklistFilters filters;

    RegistryFollower(IdentitySetup identity, AuthorizationSetup authorizations, TasklistFilters filters) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
    }

    @EventListener
    void follow(RegistryChanged change) {
        if (change.entity() == null || change.entity().hasGroups()) {
            identity.createRegistryGroups();
            authorizations.grantAll(filters.ensureFilters());
        }
    }
}
