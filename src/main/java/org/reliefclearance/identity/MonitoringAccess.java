package org.reliefclearance.identity;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.authorization.Groups;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.OfficialGroup.Role;
import org.reliefclearance.registry.Registry;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may read the operational metrics (Prometheus, /actuator/metrics): those who supervise or
 * run the service, and administrators. Organisations and line ministries may not: the figures
 * span every case and every ministry.
 */
@Component
class MonitoringAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private static final Set<Role> MONITORING_ROLES = EnumSet.of(Role.COORDINATOR, Role.PROCESS_OWNER);

    private final Registry registry;

    MonitoringAccess(Registry registry) {
        this.registry = registry;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !auth.isAuthenticated() || auth.getAuthorities().isEmpty()) {
            return new AuthorizationDecision(false);
        }
        CurrentUser user = CurrentUser.of(auth);
        boolean allowed = user.memberOf(Groups.CAMUNDA_ADMIN) || registry.groups().stream()
                .filter(g -> MONITORING_ROLES.contains(g.role()))
                .map(OfficialGroup::id)
                .anyMatch(user::memberOf);
        return new AuthorizationDecision(allowed);
    }
}
