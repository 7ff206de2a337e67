package org.reliefclearance.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.reliefclearance.words.Languages;
import org.springframework.stereotype.Service;

/**
 * Users' e-mail address, language and notification mode, kept in the Camunda user profile (the
 * user's e-mail field and two user infos), so Admin shows and edits them with the rest of the user.
 * Read and written as the service, whoever is signed in: who may change which profile is decided
 * by the caller (a user changes only their own).
 */
@Service
public class UserProfiles {

    public static final String LANGUAGE = "language";
    public static final String MODE = "notificationMode";

    private final IdentityService identity;
    private final ServiceReads service;

    UserProfiles(IdentityService identity, ServiceReads service) {
        this.identity = identity;
        this.service = service;
    }

    public Optional<UserProfile> find(String userId) {
        return service.read(() -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                return Optional.empty();
            }
            return Optional.of(new UserProfile(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
                    Languages.of(identity.getUserInfo(userId, LANGUAGE)).orElse(Languages.ENGLISH),
                    mode(identity.getUserInfo(userId, MODE))));
        });
    }

    /** The ids of the group's members. */
    public List<String> membersOf(String groupId) {
        return service.read(() -> identity.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getId).toList());
    }

    /** Sets all three; the caller has checked the address and that the user may change this profile. */
    public void update(String userId, String email, Locale language, NotificationMode mode) {
        service.run(() -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                throw new IllegalArgumentException("No user " + userId);
            }
            user.setEmail(email);
            identity.saveUser(user);
            identity.setUserInfo(userId, LANGUAGE, Languages.closest(language).toLanguageTag());
            identity.setUserInfo(userId, MODE, mode.name());
        });
    }

    /** Sets what is not set yet (an address, a language), leaving a user's own choices alone. */
    void setDefaults(String userId, String email, Locale language) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user != null && (user.getEmail() == null || user.getEmail().isBlank()) && email != null) {
            user.setEmail(email);
            identity.saveUser(user);
        }
        if (language != null && identity.getUserInfo(userId, LANGUAGE) == null) {
            identity.setUserInfo(userId, LANGUAGE, Languages.closest(language).toLanguageTag());
        }
    }

    private static NotificationMode mode(String stored) {
        if (stored != null) {
            for (NotificationMode mode : NotificationMode.values()) {
                if (mode.name().equalsIgnoreCase(stored.strip())) {
                    return mode;
                }
            }
        }
        return NotificationMode.IMMEDIATE;
    }
}
