package org.reliefclearance.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_WORK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Least-privilege Camunda authorizations, derived from each registry group's role, and what
 * Camunda's own set-up gives its administrators.
 *
 * <p>The table below is the whole truth for registry groups: on every start each (group,
 * resource, resource id) gets exactly the permissions listed, and any other grant of a registry
 * group is removed, so a role narrowed here is narrowed on an existing database too. The only
 * grants left alone are the engine's per-task grants (resource TASK, one task id).
 *
 * <p>Organisations hold no engine grant at all: they notify and act in the portal or through
 * {@code /api}, which run without an engine user. MoLSW starts the clearance from the Tasklist start
 * form when it notifies on an organisation's behalf.
 *
 * <p>Tasks are never granted by group here: the engine grants a candidate group READ and
 * TASK_WORK on exactly the tasks it is a candidate for (generic property
 * default-user-permission-name-for-task), so a ministry sees and completes only its own reviews
 * and a port's officers only their port's tasks. Per-task grants of UPDATE left by earlier
 * versions are narrowed to READ and TASK_WORK.
 */
@Component
class AuthorizationSetup {

    static final String CLEARANCE_PROCESS = "relief-consignment-clearance";
    static final String EMERGENCY_PROCESS = "national-emergency";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationSetup.class);

    private final AuthorizationService authorizations;
    private final Registry registry;

    AuthorizationSetup(AuthorizationService authorizations, Registry registry) {
        this.authorizations = authorizations;
        this.registry = registry;
    }

    /** Where one grant applies: a group, a resource type and a resource id ("*" for all). */
    record Target(String group, Resource resource, String resourceId) {
    }

    void grantAll(List<String> filterIds) {
        grantAdministrators();
        List<OfficialGroup> groups = registry.groups();
        Map<Target, Set<Permission>> table = table(groups, filterIds);
        table.forEach(this::setExactly);
        removeGrantsNotIn(table, groups);
        narrowTaskGrants(groups);
    }

    /** What every registry group may do, by role. */
    static Map<Target, Set<Permission>> table(List<OfficialGroup> groups, List<String> filterIds) {
        Map<Target, Set<Permission>> table = new LinkedHashMap<>();
        for (OfficialGroup group : groups) {
            if (group.role() == OfficialGroup.Role.ORGANISATION) {
                // no Tasklist, no engine: not even the group read Camunda gives a new group
                continue;
            }
            Grants grants = new Grants(group.id(), table);
            role(grants, group.role());
            for (String filterId : filterIds) {
                grants.grant(Resources.FILTER, filterId, READ);
            }
            // what Camunda gives every new group: its members may read the group itself
            grants.grant(Resources.GROUP, group.id(), READ);
        }
        return table;
    }

    private static void role(Grants grants, OfficialGroup.Role role) {
        switch (role) {
            case ORGANISATION -> {
                // nothing: see table()
            }
            case MOLSW -> {
                officialInTasklist(grants);
                grants.grant(Resources.PROCESS_DEFINITION, EMERGENCY_PROCESS, READ, CREATE_INSTANCE);
                // notifies from the start form on an organisation's behalf (StartFormRules)
                grants.grant(Resources.PROCESS_DEFINITION, CLEARANCE_PROCESS, READ, CREATE_INSTANCE);
                grants.grant(Resources.PROCESS_INSTANCE, ANY, CREATE);
            }
            case CUSTOMS_HQ, PORT_CUSTOMS, AUTHORITY -> officialInTasklist(grants);
            case COORDINATOR -> {
                // all cases read-only in Cockpit; escalations reach them as candidate tasks
                officialInTasklist(grants);
                grants.grant(Resources.APPLICATION, "cockpit", ACCESS);
                grants.grant(Resources.PROCESS_DEFINITION, ANY, READ, READ_HISTORY, Permissions.READ_INSTANCE);
                grants.grant(Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
                grants.grant(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
                grants.grant(Resources.PROCESS_INSTANCE, ANY, READ);
                grants.grant(Resources.TASK, ANY, READ);
                grants.grant(Resources.DEPLOYMENT, ANY, READ);
                grants.grant(Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
            }
            case PROCESS_OWNER -> {
                // Cockpit: deploy models, watch every case, retry failed steps (incidents). No
                // task work and no case modification: a ministry's decision stays the ministry's.
                // Migrations only through the /models page (models/Migrations), which refuses a move
                // that would lose a case's state; the engine door refuses them at /engine-rest.
                grants.grant(Resources.APPLICATION, "cockpit", ACCESS);
                grants.grant(Resources.DEPLOYMENT, ANY, CREATE, READ);
                grants.grant(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB,
                        ProcessDefinitionPermissions.MIGRATE_INSTANCE);
                grants.grant(Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
                grants.grant(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
                grants.grant(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
                        ProcessInstancePermissions.RETRY_JOB);
                grants.grant(Resources.TASK, ANY, READ);
                grants.grant(Resources.BATCH, ANY, BatchPermissions.READ, BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES,
                        BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
                grants.grant(Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
            }
        }
    }

    private static void officialInTasklist(Grants grants) {
        grants.grant(Resources.APPLICATION, "tasklist", ACCESS);
        // Tasklist shows process names and loads deployed forms through the definition
        grants.grant(Resources.PROCESS_DEFINITION, ANY, READ);
    }

    /** As Camunda's own first-administrator set-up: ALL on every resource. */
    private void grantAdministrators() {
        for (Resources resource : Resources.values()) {
            setExactly(new Target(Groups.CAMUNDA_ADMIN, resource, ANY), Set.of(Permissions.ALL));
        }
    }

    private void setExactly(Target target, Set<Permission> permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(target.group()).resourceType(target.resource()).resourceId(target.resourceId())
                .singleResult();
        int wanted = permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
        if (existing != null && bits(existing) == wanted) {
            return;
        }
        Authorization auth = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setGroupId(target.group());
        auth.setResource(target.resource());
        auth.setResourceId(target.resourceId());
        auth.setPermissions(permissions.toArray(Permission[]::new));
        authorizations.saveAuthorization(auth);
        if (existing != null) {
            log.info("Authorization of group {} on {} {} set to {}", target.group(), name(target.resource()),
                    target.resourceId(), names(permissions));
        }
    }

    /** Removes grants of registry groups the table no longer holds; per-task grants stay. */
    private void removeGrantsNotIn(Map<Target, Set<Permission>> table, List<OfficialGroup> groups) {
        String[] groupIds = groups.stream().map(OfficialGroup::id).toArray(String[]::new);
        List<Authorization> granted = new ArrayList<>();
        for (Resources resource : Resources.values()) {
            AuthorizationQuery query = authorizations.createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupIds).resourceType(resource);
            // per-task grants (one per open task and candidate group) are the engine's, not ours
            granted.addAll(resource == Resources.TASK ? query.resourceId(ANY).list() : query.list());
        }
        Set<String> wanted = table.keySet().stream().map(AuthorizationSetup::key).collect(Collectors.toSet());
        for (Authorization auth : granted) {
            if (isTaskGrant(auth) || wanted.contains(key(auth))) {
                continue;
            }
            authorizations.deleteAuthorization(auth.getId());
            log.info("Removed authorization of group {} on resource type {} {}: its role no longer grants it",
                    auth.getGroupId(), auth.getResourceType(), auth.getResourceId());
        }
    }

    /** Per-task grants of registry groups that hold UPDATE (set before TASK_WORK was the default). */
    private void narrowTaskGrants(List<OfficialGroup> groups) {
        List<Authorization> updatable = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groups.stream().map(OfficialGroup::id).toArray(String[]::new))
                .resourceType(Resources.TASK)
                .hasPermission(UPDATE)
                .list();
        int narrowed = 0;
        for (Authorization auth : updatable) {
            if (isTaskGrant(auth)) {
                auth.setPermissions(new Permission[] {READ, TASK_WORK});
                authorizations.saveAuthorization(auth);
                narrowed++;
            }
        }
        if (narrowed > 0) {
            log.info("Narrowed {} per-task grants from UPDATE to READ and TASK_WORK", narrowed);
        }
    }

    private static boolean isTaskGrant(Authorization auth) {
        return auth.getResourceType() == Resources.TASK.resourceType() && !ANY.equals(auth.getResourceId());
    }

    private static String key(Target t) {
        return t.group() + "|" + t.resource().resourceType() + "|" + t.resourceId();
    }

    private static String key(Authorization a) {
        return a.getGroupId() + "|" + a.getResourceType() + "|" + a.getResourceId();
    }

    private static int bits(Authorization auth) {
        return ((AuthorizationEntity) auth).getPermissions();
    }

    private static String name(Resource resource) {
        return resource.resourceName();
    }

    private static String names(Set<Permission> permissions) {
        return Arrays.toString(permissions.stream().map(Permission::getName).sorted().toArray());
    }

    /** Collects one group's grants; a second grant on the same target adds to the first. */
    private record Grants(String group, Map<Target, Set<Permission>> table) {

        void grant(Resource resource, String resourceId, Permission... permissions) {
            table.merge(new Target(group, resource, resourceId), Set.of(permissions), (a, b) -> {
                Set<Permission> both = new LinkedHashSet<>(a);
                both.addAll(b);
                return Set.copyOf(both);
            });
        }
    }
}
