package org.reliefclearance.identity;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The authenticated caller of the application API: user id and Camunda group ids. */
public record CurrentUser(String id, List<String> groups) {

    static final String GROUP_PREFIX = "GROUP_";

    public static CurrentUser of(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_PREFIX))
                .map(a -> a.substring(GROUP_PREFIX.length()))
                .toList();
        return new CurrentUser(authentication.getName(), groups);
    }

    public boolean memberOf(String group) {
        return groups.contains(group);
    }
}
