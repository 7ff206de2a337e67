package org.reliefclearance.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator: given by the operator, never a built-in default outside demo. */
@ConfigurationProperties("relief.admin")
public record AdministratorProperties(String user, String password, boolean allowWeakPassword) {

    public AdministratorProperties {
        user = user == null || user.isBlank() ? "admin" : user;
    }
}
