package org.reliefclearance.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Least-privilege Camunda authorizations, derived from each registry group's role.
 *
 * <p>Tasks are never granted by group here: the engine grants a candidate group
 * TASK_WORK on exactly the tasks it is a candidate for, so a ministry sees and completes
 * only its own reviews and a port's officers only their port's tasks.
 */
@Component
class AuthorizationSetup {

    static final String CLEARANCE_PROCESS = "relief-consignment-clearance";
    static final String EMERGENCY_PROCESS = "national-emergency";

    private final AuthorizationService authorizations;
    private final Registry registry;

    AuthorizationSetup(AuthorizationService authorizations, Registry registry) {
        this.authorizations = authorizations;
        this.registry = registry;
    }

    void grantAll(List<String> filterIds) {
        for (OfficialGroup group : registry.groups()) {
            grantRole(group.id(), group.role());
            for (String filterId : filterIds) {
                grant(group.id(), Resources.FILTER, filterId, READ);
            }
        }
    }

    private void grantRole(String group, OfficialGroup.Role role) {
        switch (role) {
            case ORGANISATION -> {
                // may submit a notification from the Tasklist start form, nothing else
                grant(group, Resources.APPLICATION, "tasklist", ACCESS);
                grant(group, Resources.PROCESS_DEFINITION, CLEARANCE_PROCESS, READ, CREATE_INSTANCE);
                grant(group, Resources.PROCESS_INSTANCE, ANY, CREATE);
            }
            case MOLSW -> {
                officialInTasklist(group);
                grant(group, Resources.PROCESS_DEFINITION, EMERGENCY_PROCESS, READ, CREATE_INSTANCE);
                grant(group, Resources.PROCESS_INSTANCE, ANY, CREATE);
            }
            case CUSTOMS_HQ, PORT_CUSTOMS, AUTHORITY -> officialInTasklist(group);
            case COORDINATOR -> {
                // all cases read-only in Cockpit; escalations reach them as candidate tasks
                officialInTasklist(group);
                grant(group, Resources.APPLICATION, "cockpit", ACCESS);
                grant(group, Resources.PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE);
                grant(group, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
                grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
                grant(group, Resources.PROCESS_INSTANCE, ANY, READ);
                grant(group, Resources.TASK, ANY, READ);
                grant(group, Resources.DEPLOYMENT, ANY, READ);
            }
            case PROCESS_OWNER -> {
                // deploy models, watch and repair running cases in Cockpit
                grant(group, Resources.APPLICATION, "cockpit", ACCESS);
                grant(group, Resources.APPLICATION, "tasklist", ACCESS);
                grant(group, Resources.DEPLOYMENT, ANY, ALL);
                grant(group, Resources.PROCESS_DEFINITION, ANY, ALL);
                grant(group, Resources.DECISION_DEFINITION, ANY, ALL);
                grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, ALL);
                grant(group, Resources.PROCESS_INSTANCE, ANY, READ, UPDATE);
                grant(group, Resources.TASK, ANY, READ);
                grant(group, Resources.BATCH, ANY, ALL);
                grant(group, Resources.PROCESS_DEFINITION, ANY, UPDATE_INSTANCE);
            }
        }
    }

    private void officialInTasklist(String group) {
        grant(group, Resources.APPLICATION, "tasklist", ACCESS);
        // Tasklist shows process names and loads deployed forms through the definition
        grant(group, Resources.PROCESS_DEFINITION, ANY, READ);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId)
                .singleResult();
        Authorization auth = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        for (Permission p : permissions) {
            auth.addPermission(p);
        }
        authorizations.saveAuthorization(auth);
    }
}
