package org.reliefclearance.identity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the identity setup once the engine is up. Two nodes may start at once: the loser
 * of a race on a unique key simply runs the (idempotent) setup again.
 */
@Component
@Order(0)
class IdentityStartup implements ApplicationRunner {

    private final IdentitySetup identity;
    private final AuthorizationSetup authorizations;
    private final TasklistFilters filters;

    IdentityStartup(IdentitySetup identity, AuthorizationSetup authorizations, TasklistFilters filters) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
    }

    @Override
    public void run(ApplicationArguments args) {
        identity.checkAdministrator();
        try {
            setUp();
        } catch (RuntimeException raceWithAnotherNode) {
            setUp();
        }
    }

    private void setUp() {
        identity.createAll();
        authorizations.grantAll(filters.ensureFilters());
    }
}
