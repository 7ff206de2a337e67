package org.reliefclearance.identity;

import java.util.regex.Pattern;

/** What the service takes for an e-mail address it can send notifications to, at every door. */
public final class EmailAddress {

    /** Something, an @, a domain with a dot: the rest is the mail server's to judge. */
    public static final String PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    public static final String MESSAGE = "must be an e-mail address such as name@example.org";

    private static final Pattern ADDRESS = Pattern.compile(PATTERN);

    private EmailAddress() {
    }

    /** No address at all is allowed (the user is then not mailed); a wrong one is not. */
    public static boolean acceptable(String email) {
        return email == null || email.isBlank() || email.length() <= 254 && ADDRESS.matcher(email).matches();
    }
}
