package org.reliefclearance.reporting;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentAccess;
import org.reliefclearance.identity.CurrentUser;
import org.reliefclearance.registry.Authority;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.OfficialGroup.Role;
import org.reliefclearance.registry.Port;
import org.reliefclearance.registry.Registry;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may see which figures, from the roles of the caller's registry groups: MoLSW, Customs HQ,
 * NLPWG coordinators and process owners see everything; a port's customs officers see their
 * port's figures and a ministry's reviewers their authority's; organisations see no KPIs.
 * Who may read one consignment's dossier is the API's rule, {@link ConsignmentAccess}.
 */
@Component
class ReportAccess {

    private static final Set<Role> SEE_ALL = EnumSet.of(Role.MOLSW, Role.CUSTOMS_HQ, Role.COORDINATOR,
            Role.PROCESS_OWNER);

    private final Registry registry;
    private final ConsignmentAccess consignments;

    ReportAccess(Registry registry, ConsignmentAccess consignments) {
        this.registry = registry;
        this.consignments = consignments;
    }

    /** The filter the caller may run: the requested one, narrowed to their own port or authority. */
    ReportFilter kpiFilter(Authentication authentication, ReportFilter requested) {
        CurrentUser user = CurrentUser.of(authentication);
        Set<Role> roles = roles(user);
        if (roles.stream().anyMatch(SEE_ALL::contains)) {
            return requested;
        }
        if (roles.contains(Role.PORT_CUSTOMS)) {
            String own = only(registry.ports().stream().filter(p -> user.memberOf(p.customsGroup()))
                    .map(Port::code).toList(), requested.port());
            return requested.withPort(own);
        }
        if (roles.contains(Role.AUTHORITY)) {
            String own = only(registry.authorities().stream().filter(a -> user.memberOf(a.groupId()))
                    .map(Authority::code).toList(), requested.authority());
            return requested.withAuthority(own);
        }
        throw forbidden();
    }

    /**
     * The consignment whose dossier the caller asked for, if they may read the consignment at all:
     * the same rule as the API's ({@link ConsignmentAccess}); any other answers "not found".
     */
    Consignment dossierConsignment(Authentication authentication, String reference) {
        return consignments.readable(reference, consignments.caller(CurrentUser.of(authentication)));
    }

    private Set<Role> roles(CurrentUser user) {
        Map<String, Role> roleOfGroup = registry.groups().stream()
                .collect(Collectors.toMap(OfficialGroup::id, OfficialGroup::role));
        return user.groups().stream().map(roleOfGroup::get).filter(Objects::nonNull)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** The caller's own code: the requested one if it is theirs, their single one if none was asked. */
    private static String only(List<String> own, String requested) {
        if (requested != null) {
            if (own.contains(requested)) {
                return requested;
            }
            throw forbidden();
        }
        if (own.size() == 1) {
            return own.get(0);
        }
        throw forbidden();
    }

    private static ResponseStatusException forbidden() {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, "These figures are for officials only");
    }
}
