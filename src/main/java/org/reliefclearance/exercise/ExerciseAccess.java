package org.reliefclearance.exercise;

import org.camunda.bpm.engine.authorization.Groups;
import org.reliefclearance.consignment.ActionForbiddenException;
import org.reliefclearance.identity.CurrentUser;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.pages.ExerciseMode;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Exercises are run by MoLSW's officials (the facilitators) and administrators, no one else. */
@Profile(ExerciseMode.PROFILE)
@Component
public class ExerciseAccess {

    private final Registry registry;

    ExerciseAccess(Registry registry) {
        this.registry = registry;
    }

    /** @throws ActionForbiddenException (403) for any other caller */
    public CurrentUser facilitator(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        boolean molsw = registry.groups().stream()
                .anyMatch(g -> g.role() == OfficialGroup.Role.MOLSW && user.memberOf(g.id()));
        if (!molsw && !user.memberOf(Groups.CAMUNDA_ADMIN)) {
            throw new ActionForbiddenException("Only MoLSW officials and administrators run exercises");
        }
        return user;
    }
}
