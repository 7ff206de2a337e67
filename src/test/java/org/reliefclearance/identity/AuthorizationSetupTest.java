package org.reliefclearance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
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
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The authorization table is applied exactly on every start: a role narrowed in the code is
 * narrowed on a database written by an earlier version, and grants no role gives are removed.
 */
@ServiceTest
class AuthorizationSetupTest {

    private static final String OWNERS = "process-owners";

    @Autowired
    AuthorizationSetup setup;
    @Autowired
    TasklistFilters filters;
    @Autowired
    AuthorizationService authorizations;

    @Test
    void processOwnersHoldExactlyTheirCockpitPermissions() {
        assertThat(permissions(OWNERS, Resources.PROCESS_DEFINITION, "*")).isEqualTo(mask(
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.MIGRATE_INSTANCE));
        assertThat(permissions(OWNERS, Resources.PROCESS_INSTANCE, "*"))
                .isEqualTo(mask(ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB));
        assertThat(permissions(OWNERS, Resources.DEPLOYMENT, "*")).isEqualTo(mask(Permissions.CREATE, Permissions.READ));
        assertThat(permissions(OWNERS, Resources.DECISION_DEFINITION, "*"))
                .isEqualTo(mask(Permissions.READ, Permissions.READ_HISTORY));
        assertThat(permissions(OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*")).isEqualTo(mask(Permissions.READ));
        assertThat(permissions(OWNERS, Resources.TASK, "*")).isEqualTo(mask(Permissions.READ));
        assertThat(permissions(OWNERS, Resources.BATCH, "*"))
                .isEqualTo(mask(BatchPermissions.READ, BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES,
                        BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES));
        assertThat(permissions(OWNERS, Resources.OPERATION_LOG_CATEGORY, "*"))
                .isEqualTo(mask(UserOperationLogCategoryPermissions.READ));
        assertThat(grant(OWNERS, Resources.APPLICATION, "tasklist")).isNull();
        assertThat(permissions(OWNERS, Resources.APPLICATION, "cockpit")).isEqualTo(mask(Permissions.ACCESS));
        assertThat(permissions("nlpwg-coordinators", Resources.OPERATION_LOG_CATEGORY, "*"))
                .isEqualTo(mask(UserOperationLogCategoryPermissions.READ));
    }

    @Test
    void organisationsHoldNoEngineGrantAndMoLSWStartsTheClearance() {
        for (String organisation : List.of("org-wfp", "org-laoredcross", "org-hopeaid")) {
            assertThat(grants(organisation)).as(organisation).isEmpty();
        }
        assertThat(permissions("molsw-officers", Resources.PROCESS_DEFINITION, AuthorizationSetup.CLEARANCE_PROCESS))
                .isEqualTo(mask(Permissions.READ, Permissions.CREATE_INSTANCE));
        assertThat(permissions("molsw-officers", Resources.PROCESS_INSTANCE, "*")).isEqualTo(mask(Permissions.CREATE));
        assertThat(permissions("molsw-heads", Resources.PROCESS_DEFINITION, AuthorizationSetup.CLEARANCE_PROCESS))
                .isEqualTo(mask(Permissions.READ, Permissions.CREATE_INSTANCE));
        assertThat(grant("customs-hq", Resources.PROCESS_DEFINITION, AuthorizationSetup.CLEARANCE_PROCESS)).isNull();
    }

    @Test
    void anExistingDatabasesOrganisationGrantsAreRemovedOnStart() {
        // as the version that let organisations start a case from Tasklist left them
        set("org-wfp", Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        set("org-wfp", Resources.PROCESS_DEFINITION, AuthorizationSetup.CLEARANCE_PROCESS, Permissions.READ,
                Permissions.CREATE_INSTANCE);
        set("org-wfp", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        set("org-wfp", Resources.GROUP, "org-wfp", Permissions.READ);
        set("org-laoredcross", Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        List<String> filterIds = filters.ensureFilters();
        set("org-laoredcross", Resources.FILTER, filterIds.get(0), Permissions.READ);
        // grants of a user are no group's (Camunda gives each user its own profile): they stay
        long usersOwn = authorizations.createAuthorizationQuery().userIdIn("wfp").count();

        setup.grantAll(filterIds);

        assertThat(grants("org-wfp")).isEmpty();
        assertThat(grants("org-laoredcross")).isEmpty();
        assertThat(authorizations.createAuthorizationQuery().userIdIn("wfp").count()).isEqualTo(usersOwn);
        // nobody else lost anything: MoLSW still starts both of its processes
        assertThat(permissions("molsw-officers", Resources.PROCESS_DEFINITION, AuthorizationSetup.EMERGENCY_PROCESS))
                .isEqualTo(mask(Permissions.READ, Permissions.CREATE_INSTANCE));
        assertThat(permissions("molsw-officers", Resources.PROCESS_DEFINITION, AuthorizationSetup.CLEARANCE_PROCESS))
                .isEqualTo(mask(Permissions.READ, Permissions.CREATE_INSTANCE));
        assertThat(permissions("moh-fdd", Resources.APPLICATION, "tasklist")).isEqualTo(mask(Permissions.ACCESS));
    }

    @Test
    void administratorsHoldAllOnEveryResource() {
        for (Resources resource : Resources.values()) {
            assertThat(permissions(Groups.CAMUNDA_ADMIN, resource, "*")).as(resource.resourceName())
                    .isEqualTo(Permissions.ALL.getValue());
        }
    }

    @Test
    void anEarlierVersionsWiderGrantsAreNarrowedOrRemovedOnStart() {
        // as an earlier version left them: ALL on definitions, UPDATE on cases, Tasklist, a stray grant
        set(OWNERS, Resources.PROCESS_DEFINITION, "*", Permissions.ALL);
        set(OWNERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ, Permissions.UPDATE);
        set(OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        set("moh-fdd", Resources.DEPLOYMENT, "*", Permissions.READ);
        set("moh-fdd", Resources.TASK, "task-of-an-earlier-run", Permissions.READ, Permissions.UPDATE);
        set("mtc", Resources.TASK, "task-granted-as-today", Permissions.READ, Permissions.TASK_WORK);
        set("not-in-the-registry", Resources.DEPLOYMENT, "*", Permissions.READ);
        try {
            setup.grantAll(filters.ensureFilters());

            assertThat(permissions(OWNERS, Resources.PROCESS_DEFINITION, "*")).isEqualTo(mask(
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.MIGRATE_INSTANCE));
            assertThat(permissions(OWNERS, Resources.PROCESS_INSTANCE, "*"))
                    .isEqualTo(mask(ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB));
            assertThat(grant(OWNERS, Resources.APPLICATION, "tasklist")).isNull();
            assertThat(grant("moh-fdd", Resources.DEPLOYMENT, "*")).isNull();
            assertThat(permissions("moh-fdd", Resources.TASK, "task-of-an-earlier-run"))
                    .isEqualTo(mask(Permissions.READ, Permissions.TASK_WORK));
            assertThat(permissions("mtc", Resources.TASK, "task-granted-as-today"))
                    .isEqualTo(mask(Permissions.READ, Permissions.TASK_WORK));
            assertThat(permissions("not-in-the-registry", Resources.DEPLOYMENT, "*")).isEqualTo(mask(Permissions.READ));
            // what Camunda gives a new group stays: its members read the group
            assertThat(permissions("moh-fdd", Resources.GROUP, "moh-fdd")).isEqualTo(mask(Permissions.READ));
        } finally {
            for (String[] stray : List.of(new String[] {"moh-fdd", "task-of-an-earlier-run"},
                    new String[] {"mtc", "task-granted-as-today"})) {
                delete(stray[0], Resources.TASK, stray[1]);
            }
            delete("not-in-the-registry", Resources.DEPLOYMENT, "*");
        }
    }

    private void set(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization auth = grant(group, resource, resourceId);
        if (auth == null) {
            auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(group);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
        }
        auth.setPermissions(permissions);
        authorizations.saveAuthorization(auth);
    }

    private void delete(String group, Resource resource, String resourceId) {
        Authorization auth = grant(group, resource, resourceId);
        if (auth != null) {
            authorizations.deleteAuthorization(auth.getId());
        }
    }

    private Authorization grant(String group, Resource resource, String resourceId) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    }

    private List<Authorization> grants(String group) {
        return authorizations.createAuthorizationQuery().groupIdIn(group).list();
    }

    private Integer permissions(String group, Resource resource, String resourceId) {
        Authorization auth = grant(group, resource, resourceId);
        return auth == null ? null : ((AuthorizationEntity) auth).getPermissions();
    }

    private static int mask(Permission... permissions) {
        return Arrays.stream(permissions).mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
    }
}
