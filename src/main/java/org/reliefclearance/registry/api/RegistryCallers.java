package org.reliefclearance.registry.api;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Groups;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.registry.RegistryEditor;
import org.reliefclearance.registry.RegistryRefusedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who calls the registry's pages and API, from the authentication (its Camunda groups): an
 * administrator, a MoLSW official, another official (reads only), or an organisation (nothing).
 */
@Component
class RegistryCallers {

    /** Spring Security's authority for a Camunda group, as identity/CamundaIdentityAuthenticationProvider grants it. */
    private static final String GROUP_PREFIX = "GROUP_";

    private final Registry registry;

    RegistryCallers(Registry registry) {
        this.registry = registry;
    }

    RegistryEditor editor(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_PREFIX)).map(a -> a.substring(GROUP_PREFIX.length())).toList();
        Set<OfficialGroup.Role> roles = registry.rolesOfGroups(groups);
        return new RegistryEditor(authentication.getName(), groups.contains(Groups.CAMUNDA_ADMIN),
                roles.contains(OfficialGroup.Role.MOLSW));
    }

    /** Administrators and officials read the registry; organisations and strangers do not. */
    RegistryEditor reader(Authentication authentication) {
        RegistryEditor editor = editor(authentication);
        if (editor.mayEditAnything()) {
            return editor;
        }
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_PREFIX)).map(a -> a.substring(GROUP_PREFIX.length())).toList();
        Set<OfficialGroup.Role> roles = registry.rolesOfGroups(groups);
        roles.remove(OfficialGroup.Role.ORGANISATION);
        if (roles.isEmpty()) {
            throw new RegistryRefusedException("The registry is for officials and administrators");
        }
        return editor;
    }

    /** Export holds every organisation's contacts: administrators only. */
    RegistryEditor administrator(Authentication authentication) {
        RegistryEditor editor = editor(authentication);
        if (!editor.administrator()) {
            throw new RegistryRefusedException("Only administrators export or import the registry");
        }
        return editor;
    }
}
