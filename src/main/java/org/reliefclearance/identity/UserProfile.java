package org.reliefclearance.identity;

import java.util.Locale;

/**
 * What the service knows of a user for writing to them, from the Camunda user profile: the user's
 * e-mail field, and the user infos {@value UserProfiles#LANGUAGE} and {@value UserProfiles#MODE}.
 *
 * @param email null when the user has none
 */
public record UserProfile(String id, String firstName, String lastName, String email, Locale language,
                          NotificationMode mode) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    /** The name a mail greets: first name, else the user id. */
    public String greeting() {
        return firstName != null && !firstName.isBlank() ? firstName : id;
    }
}
