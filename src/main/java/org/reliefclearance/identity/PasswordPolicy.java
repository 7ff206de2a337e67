package org.reliefclearance.identity;

import java.util.Locale;
import java.util.Set;

/** Rejects passwords an attacker would try first. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    private static final Set<String> COMMON = Set.of("admin", "demo", "password", "camunda",
            "changeme", "secret", "123456789012", "administrator", "password1234");

    private PasswordPolicy() {
    }

    /** @return why the password is too weak, or null when it is acceptable */
    static String weakness(String user, String password) {
        if (password == null || password.isBlank()) {
            return "no password given";
        }
        if (password.length() < MIN_LENGTH) {
            return "shorter than " + MIN_LENGTH + " characters";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.contains(user.toLowerCase(Locale.ROOT))) {
            return "a common password or the user name";
        }
        boolean letters = password.chars().anyMatch(Character::isLetter);
        boolean others = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letters || !others) {
            return "needs both letters and digits or symbols";
        }
        return null;
    }
}
