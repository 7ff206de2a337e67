package org.reliefclearance.models;

import org.camunda.bpm.engine.authorization.Groups;
import org.reliefclearance.consignment.ActionForbiddenException;
import org.reliefclearance.identity.CurrentUser;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.Registry;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Models and the versions cases run on are the process owners' (and administrators'), no one else's. */
@Component
public class ModelsAccess {

    private final Registry registry;

    ModelsAccess(Registry registry) {
        this.registry = registry;
    }

    /** @throws ActionForbiddenException (403) for any other caller */
    public CurrentUser processOwner(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        boolean owner = registry.groups().stream()
                .anyMatch(g -> g.role() == OfficialGroup.Role.PROCESS_OWNER && user.memberOf(g.id()));
        if (!owner && !user.memberOf(Groups.CAMUNDA_ADMIN)) {
            throw new ActionForbiddenException("Only process owners and administrators manage models and "
                    + "the versions cases run on");
        }
        return user;
    }
}
