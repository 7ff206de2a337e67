package org.reliefclearance.enginedoor;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTaskRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTasksRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTasksRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.reliefclearance.forms.FormContract.Mode;
import org.reliefclearance.registry.OfficialGroup.Role;

/**
 * What a caller (not an administrator) may make the engine do, beyond reading what the engine's
 * authorizations let them read. Every write is listed here with its rule; any other write is
 * refused, so a REST operation Camunda adds tomorrow is closed until someone decides otherwise.
 * <ul>
 *   <li>organisations change nothing: they use the portal or {@code /api};</li>
 *   <li>start a process only at its start event, without a business key, with its start form's values;</li>
 *   <li>complete a task, or change its variables, only with its form's values;</li>
 *   <li>claim a task only for oneself; assign, delegate or add a user to it only within its candidate groups;
 *       candidate groups are the SOP's, never changed by a caller;</li>
 *   <li>process owners deploy (the deployment guard checks what), retry failed jobs of a process and note incidents;</li>
 *   <li>everyone may comment and change their own profile.</li>
 * </ul>
 * Messages, signals, modifications, restarts, migrations, deletions, suspensions and job management
 * are for administrators.
 */
final class CallerPolicy {

    private final ProcessEngineConfigurationImpl engine;
    private final StepForms steps;
    private final Map<Class<?>, BiConsumer<EngineCaller, Command<?>>> writes;

    CallerPolicy(ProcessEngineConfigurationImpl engine, StepForms steps) {
        this.engine = engine;
        this.steps = steps;
        this.writes = Map.ofEntries(
                Map.entry(SubmitStartFormCmd.class, (c, cmd) -> start(c, CommandFields.read(cmd, "processDefinitionId"),
                        CommandFields.read(cmd, "businessKey"), CommandFields.read(cmd, "variables"))),
                Map.entry(org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd.class, this::startInstance),
                Map.entry(CompleteTaskCmd.class, (c, cmd) -> work(c, cmd, "variables", Mode.COMPLETE)),
                Map.entry(ResolveTaskCmd.class, (c, cmd) -> work(c, cmd, "variables", Mode.COMPLETE)),
                Map.entry(SubmitTaskFormCmd.class, (c, cmd) -> work(c, cmd, "properties", Mode.COMPLETE)),
                Map.entry(SetTaskVariablesCmd.class, (c, cmd) -> updateVariables(c, cmd,
                        CommandFields.read(cmd, "variables"), List.of())),
                Map.entry(PatchTaskVariablesCmd.class, (c, cmd) -> updateVariables(c, cmd,
                        CommandFields.read(cmd, "variables"), CommandFields.read(cmd, "deletions"))),
                Map.entry(RemoveTaskVariablesCmd.class, (c, cmd) -> updateVariables(c, cmd, Map.of(),
                        CommandFields.read(cmd, "variableNames"))),
                Map.entry(ClaimTaskCmd.class, this::claim),
                Map.entry(AssignTaskCmd.class, (c, cmd) -> handOver(c, cmd, true)),
                Map.entry(DelegateTaskCmd.class, (c, cmd) -> handOver(c, cmd, false)),
                Map.entry(SetTaskOwnerCmd.class, (c, cmd) -> handOver(c, cmd, false)),
                Map.entry(AddUserIdentityLinkCmd.class, (c, cmd) -> handOver(c, cmd, false)),
                Map.entry(DeleteUserIdentityLinkCmd.class, this::removeUserLink),
                Map.entry(AddGroupIdentityLinkCmd.class, (c, cmd) -> refuse("The candidate groups of a task are"
                        + " set by the SOP; they cannot be added to")),
                Map.entry(DeleteGroupIdentityLinkCmd.class, (c, cmd) -> refuse("The candidate groups of a task are"
                        + " set by the SOP; they cannot be removed")),
                Map.entry(AddCommentCmd.class, (c, cmd) -> { }),
                Map.entry(SaveUserCmd.class, (c, cmd) -> own(c, ((User) CommandFields.read(cmd, "user")).getId())),
                Map.entry(SetUserInfoCmd.class, (c, cmd) -> own(c, CommandFields.read(cmd, "userId"))),
                Map.entry(DeleteUserInfoCmd.class, (c, cmd) -> own(c, CommandFields.read(cmd, "userId"))),
                Map.entry(DeployCmd.class, (c, cmd) -> role(c, Role.PROCESS_OWNER, "deploy models")),
                Map.entry(SetJobRetriesCmd.class, this::retryJobs),
                Map.entry(SetJobsRetriesBatchCmd.class, (c, cmd) -> role(c, Role.PROCESS_OWNER, "retry failed jobs")),
                Map.entry(SetExternalTaskRetriesCmd.class, (c, cmd) -> role(c, Role.PROCESS_OWNER, "retry external tasks")),
                Map.entry(SetExternalTasksRetriesCmd.class, (c, cmd) -> role(c, Role.PROCESS_OWNER, "retry external tasks")),
                Map.entry(SetExternalTasksRetriesBatchCmd.class,
                        (c, cmd) -> role(c, Role.PROCESS_OWNER, "retry external tasks")),
                Map.entry(SetAnnotationForIncidentCmd.class, (c, cmd) -> role(c, Role.PROCESS_OWNER, "note incidents")));
    }

    /** @throws AuthorizationException when the caller may not do this; FormFieldValidationException for bad values */
    void check(EngineCaller caller, Command<?> command) {
        if (caller.administrator() || ReadCommands.isRead(command)) {
            return;
        }
        // the REST allow-list refuses them already; this holds for any other way in (a webapp plugin's API)
        if (caller.has(Role.ORGANISATION)) {
            refuse("Organisations notify and act in the portal (/portal) or through /api, not in the engine");
        }
        BiConsumer<EngineCaller, Command<?>> rule = writes.get(command.getClass());
        if (rule == null) {
            refuse(describe(command) + " is reserved to administrators");
        }
        rule.accept(caller, command);
    }

    private void startInstance(EngineCaller caller, Command<?> command) {
        ProcessInstantiationBuilderImpl builder = CommandFields.read(command, "instantiationBuilder");
        if (builder.getModificationBuilder() != null
                && !builder.getModificationBuilder().getModificationOperations().isEmpty()) {
            refuse("A process starts at its start event; start instructions are reserved to administrators");
        }
        String definitionId = builder.getProcessDefinitionId() != null ? builder.getProcessDefinitionId()
                : TrustedLookup.run(engine, context -> {
                    ProcessDefinitionEntity latest = engine.getDeploymentCache()
                            .findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
                    return latest.getId();
                });
        start(caller, definitionId, builder.getBusinessKey(), builder.getVariables());
    }

    private void start(EngineCaller caller, String definitionId, String businessKey, Map<String, ?> variables) {
        if (businessKey != null && !businessKey.isBlank()) {
            refuse("A case gets its reference from the service: start it without a business key");
        }
        steps.start(caller, definitionId, variables == null ? Map.of() : variables);
    }

    private void work(EngineCaller caller, Command<?> command, String variablesField, Mode mode) {
        StepForms.TaskStep task = visibleTask(command);
        if (task != null) {
            Map<String, ?> variables = CommandFields.read(command, variablesField);
            steps.work(caller, task, variables == null ? Map.of() : variables, mode);
        }
    }

    private void updateVariables(EngineCaller caller, Command<?> command, Map<String, ?> set,
                                 Collection<String> removed) {
        StepForms.TaskStep task = visibleTask(command);
        if (task == null) {
            return;
        }
        Map<String, Object> changes = new HashMap<>(set == null ? Map.of() : set);
        if (removed != null) {
            removed.forEach(name -> changes.put(name, null));
        }
        steps.work(caller, task, changes, Mode.UPDATE);
    }

    private void claim(EngineCaller caller, Command<?> command) {
        String userId = CommandFields.read(command, "userId");
        if (userId != null && !userId.equals(caller.userId())) {
            refuse("A task is claimed by the official who works it, not for " + userId);
        }
    }

    /** The new assignee, owner, delegate or candidate must belong to one of the task's candidate groups. */
    private void handOver(EngineCaller caller, Command<?> command, boolean mayClear) {
        String userId = CommandFields.read(command, "userId");
        if (userId == null && mayClear) {
            return;
        }
        StepForms.TaskStep task = visibleTask(command);
        if (task == null) {
            return;
        }
        if (userId == null || !memberOfAny(userId, task.candidateGroups())) {
            refuse("A task can only be handed to a member of its candidate groups " + task.candidateGroups());
        }
    }

    private void removeUserLink(EngineCaller caller, Command<?> command) {
        String userId = CommandFields.read(command, "userId");
        if (userId != null && !userId.equals(caller.userId())) {
            refuse("Only " + userId + " may withdraw from a task");
        }
    }

    private void retryJobs(EngineCaller caller, Command<?> command) {
        role(caller, Role.PROCESS_OWNER, "retry failed jobs");
        String jobDefinitionId = CommandFields.read(command, "jobDefinitionId");
        String jobId = CommandFields.read(command, "jobId");
        List<String> jobIds = CommandFields.read(command, "jobIds");
        boolean ofProcesses = TrustedLookup.run(engine, context -> {
            if (jobDefinitionId != null) {
                var definition = context.getJobDefinitionManager().findById(jobDefinitionId);
                return definition != null && definition.getProcessDefinitionId() != null;
            }
            List<String> ids = jobId != null ? List.of(jobId) : jobIds == null ? List.of() : jobIds;
            return ids.stream().map(id -> context.getJobManager().findJobById(id))
                    .allMatch(job -> job == null || ((JobEntity) job).getProcessDefinitionId() != null);
        });
        if (!ofProcesses) {
            refuse("Jobs that belong to no process (such as history cleanup) are managed by administrators");
        }
    }

    private StepForms.TaskStep visibleTask(Command<?> command) {
        String taskId = CommandFields.read(command, taskIdField(command));
        // a task the caller may not see is refused by the engine's own authorization, without telling more
        if (taskId == null || engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
            return null;
        }
        return steps.task(taskId);
    }

    private static String taskIdField(Command<?> command) {
        return command instanceof SetTaskVariablesCmd || command instanceof PatchTaskVariablesCmd
                || command instanceof RemoveTaskVariablesCmd ? "entityId" : "taskId";
    }

    private boolean memberOfAny(String userId, Collection<String> groups) {
        List<String> memberOf = TrustedLookup.run(engine, context -> engine.getIdentityService().createGroupQuery()
                .groupMember(userId).list().stream().map(Group::getId).toList());
        return groups.stream().anyMatch(memberOf::contains);
    }

    private static void own(EngineCaller caller, String userId) {
        if (!caller.userId().equals(userId)) {
            refuse("Only an administrator may change another user's account");
        }
    }

    private static void role(EngineCaller caller, Role role, String action) {
        if (!caller.has(role)) {
            refuse("Only " + role.name().toLowerCase().replace('_', ' ') + "s may " + action);
        }
    }

    private static String describe(Command<?> command) {
        return command.getClass().getSimpleName().replaceAll("Cmd$", "").replaceAll("([a-z])([A-Z])", "$1 $2");
    }

    static void refuse(String reason) {
        throw new AuthorizationException(reason);
    }
}
