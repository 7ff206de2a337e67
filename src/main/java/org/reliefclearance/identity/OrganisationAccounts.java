package org.reliefclearance.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.reliefclearance.registry.OfficialGroup;
import org.springframework.stereotype.Service;

/**
 * The Camunda group and first user of an organisation created while the service runs (an
 * application for recognition). As for the registry's organisations ({@link AuthorizationSetup}),
 * the group holds no engine grant at all: its members act only in the portal and through /api.
 */
@Service
public class OrganisationAccounts {

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    OrganisationAccounts(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    /** Why the password may not be used for this user, or null: the policy every account follows. */
    public String passwordWeakness(String userId, String password) {
        return PasswordPolicy.weakness(userId, password);
    }

    public boolean userExists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    public boolean groupExists(String groupId) {
        return identity.createGroupQuery().groupId(groupId).count() > 0;
    }

    /**
     * Runs in the caller's transaction: nothing stays when what follows fails. Call
     * {@link #removeGrants} after the engine command that created the group has ended.
     */
    public void create(String groupId, String groupName, String userId, String email, String firstName,
                       String lastName, String password) {
        Group group = identity.newGroup(groupId);
        group.setName(groupName);
        group.setType(OfficialGroup.Role.ORGANISATION.name());
        identity.saveGroup(group);
        User user = identity.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(userId, groupId);
    }

    /**
     * Removes what Camunda grants on its own when a group and a user are created (the group's members
     * read the group; the user may do ALL to its own user, e.g. delete it or rewrite its profile
     * through the engine REST API): an organisation holds no engine grant. The engine writes those
     * grants when the creating command ends, hence a call of its own.
     */
    public void removeGrants(String groupId, String userId) {
        authorizations.createAuthorizationQuery().groupIdIn(groupId).list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        authorizations.createAuthorizationQuery().userIdIn(userId).list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    }
}
