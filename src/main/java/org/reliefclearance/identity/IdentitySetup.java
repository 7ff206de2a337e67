package org.reliefclearance.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.words.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates, on every start and idempotently, the Camunda groups of the registry, the first
 * administrator and (demo profile only) one demo user per group.
 */
@Component
class IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identity;
    private final Registry registry;
    private final AdministratorProperties admin;
    private final DemoProperties demo;
    private final UserProfiles profiles;
    private final boolean demoProfile;

    IdentitySetup(IdentityService identity, Registry registry, AdministratorProperties admin,
                  DemoProperties demo, UserProfiles profiles, Environment environment) {
        this.identity = identity;
        this.profiles = profiles;
        this.registry = registry;
        this.admin = admin;
        this.demo = demo;
        this.demoProfile = environment.acceptsProfiles(Profiles.of("demo"));
    }

    /** Fails fast, before anything is created, when no usable administrator password is set. */
    void checkAdministrator() {
        if (userExists(admin.user())) {
            return;
        }
        String weakness = PasswordPolicy.weakness(admin.user(), admin.password());
        if (weakness != null && !(demoProfile && admin.allowWeakPassword() && admin.password() != null
                && !admin.password().isBlank())) {
            throw new IllegalStateException("Refusing to start: the initial administrator '" + admin.user()
                    + "' needs a strong password in RELIEF_ADMIN_PASSWORD (" + weakness + "; at least "
                    + PasswordPolicy.MIN_LENGTH + " characters, letters and digits or symbols).");
        }
    }

    void createAll() {
        createRegistryGroups();
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        if (!userExists(admin.user())) {
            createUser(admin.user(), "Relief Clearance", "Administrator", admin.password());
            log.info("Created the initial administrator '{}'", admin.user());
        }
        ensureMembership(admin.user(), Groups.CAMUNDA_ADMIN);
        if (demoProfile) {
            createDemoUsers(demo.users());
        }
    }

    /** A Camunda group for every registry group; existing ones are kept as they are. */
    void createRegistryGroups() {
        for (OfficialGroup g : registry.groups()) {
            ensureGroup(g.id(), g.name(), g.role().name());
        }
    }

    private void createDemoUsers(List<DemoProperties.DemoUser> users) {
        for (DemoProperties.DemoUser u : users) {
            if (!userExists(u.id())) {
                createUser(u.id(), u.firstName(), u.lastName(), demo.password());
            }
            ensureMembership(u.id(), u.group());
            u.alsoIn().forEach(group -> ensureMembership(u.id(), group));
            profiles.setDefaults(u.id(), u.id() + "@" + demo.mailDomain(), Languages.of(u.language()).orElse(null));
        }
        log.warn("Demo profile: {} demo users with the shared demo password are active", users.size());
    }

    private boolean userExists(String id) {
        return identity.createUserQuery().userId(id).count() > 0;
    }

    private void createUser(String id, String first, String last, String password) {
        User user = identity.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setPassword(password);
        identity.saveUser(user);
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void ensureMembership(String user, String group) {
        if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identity.createMembership(user, group);
        }
    }
}
