package org.reliefclearance.identity;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's own user store, with every refused login logged: the Tasklist, Cockpit and Admin
 * login, Basic authentication on /engine-rest and on /api all check passwords here. The user id
 * is logged (stripped of control characters, so a crafted id cannot forge log lines), the
 * password never.
 *
 * <p>Camunda throttles wrong passwords itself: after each one the account refuses every login,
 * right or wrong, for a delay that doubles up to a maximum (camunda.bpm.generic-properties
 * login-delay-*). Permanent lockout is configured out of reach (login-max-attempts).
 *
 * <p>It also refuses a user saved with an e-mail address notifications could never reach, whichever
 * door saves it (Camunda Admin, /engine-rest, the service's own setup).
 */
class LoginAuditingIdentityProvider extends DbIdentityServiceProvider {

    private static final Logger log = LoggerFactory.getLogger(LoginAuditingIdentityProvider.class);
    private static final int MAX_LOGGED_ID = 64;

    @Override
    public IdentityOperationResult saveUser(User user) {
        if (!EmailAddress.acceptable(user.getEmail())) {
            throw new BadUserRequestException("email " + EmailAddress.MESSAGE);
        }
        return super.saveUser(user);
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        UserEntity user = userId == null ? null : findUserById(userId);
        boolean throttled = user != null && isUserLocked(user);
        boolean accepted = super.checkPassword(userId, password);
        if (!accepted) {
            log.warn("Login refused for user '{}': {}", printable(userId), reason(user, password, throttled));
        }
        return accepted;
    }

    private static String reason(UserEntity user, String password, boolean throttled) {
        if (user == null) {
            return "no such user";
        }
        if (throttled) {
            return "too many wrong passwords, no login accepted before " + user.getLockExpirationTime().toInstant();
        }
        return password == null ? "no password" : "wrong password (" + (user.getAttempts()) + " in a row)";
    }

    static String printable(String userId) {
        if (userId == null) {
            return "";
        }
        String clean = userId.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_LOGGED_ID ? clean.substring(0, MAX_LOGGED_ID) + "..." : clean;
    }
}
