package org.reliefclearance.enginedoor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.reliefclearance.forms.FormContract;
import org.reliefclearance.forms.FormContract.Mode;
import org.reliefclearance.forms.FormContract.Violation;
import org.reliefclearance.forms.FormSchema;
import org.reliefclearance.forms.PlainValues;
import org.reliefclearance.forms.StepRules;

/**
 * The form is the contract of a step: a caller starts a process or works a task with exactly the
 * keys the step's Camunda Form declares, each within the form's rules and the step's own rules.
 * A step without a form accepts no values at all.
 */
final class StepForms {

    /** Reads of a task caught moving before the caller's command fails as a collision. */
    static final int READS = 3;

    private final ProcessEngineConfigurationImpl engine;
    private final Map<String, List<StepRules>> rulesByForm;

    StepForms(ProcessEngineConfigurationImpl engine, Collection<StepRules> rules) {
        this.engine = engine;
        this.rulesByForm = rules.stream()
                .flatMap(rule -> rule.formIds().stream().map(form -> Map.entry(form, rule)))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** The task as the guard needs it: its form, the variables it shows, who may work it. */
    record TaskStep(String taskId, FormSchema form, Map<String, Object> variables, Set<String> candidateGroups,
                    String assignee) {
    }

    void start(EngineCaller caller, String processDefinitionId, Map<String, ?> variables) {
        FormSchema form = TrustedLookup.run(engine, context -> {
            ProcessDefinitionEntity definition = engine.getDeploymentCache().findDeployedProcessDefinitionById(
                    processDefinitionId);
            if (definition == null || !hasStartForm(definition)) {
                return null;
            }
            return read(engine.getFormService().getDeployedStartForm(processDefinitionId));
        });
        check(caller, "the start form", form, PlainValues.of(variables), Map.of(), Mode.COMPLETE);
    }

    void work(EngineCaller caller, TaskStep task, Map<String, ?> variables, Mode mode) {
        check(caller, "task " + task.taskId(), task.form(), PlainValues.of(variables), task.variables(), mode);
    }

    /**
     * Null when the task does not exist. A task caught moving to its case's own execution (a parallel
     * branch of the case ended between the read of the task and that of its variables) is read again,
     * a few times, rather than checked against a case without its data; should it keep moving, the
     * caller's command fails as a collision.
     */
    TaskStep task(String taskId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return TrustedLookup.run(engine, context -> readTask(context, taskId));
            } catch (OptimisticLockingException moving) {
                if (attempt == READS) {
                    throw moving;
                }
            }
        }
    }

    private TaskStep readTask(CommandContext context, String taskId) {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return null;
        }
        if (task.getExecutionId() != null && task.getExecution() == null) {
            throw new OptimisticLockingException("Task " + taskId + " moved to another execution while it was read");
        }
        FormSchema form = task.getTaskDefinition() != null
                && task.getTaskDefinition().getCamundaFormDefinitionKey() != null
                ? read(engine.getFormService().getDeployedTaskForm(taskId)) : null;
        Set<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).collect(Collectors.toSet());
        return new TaskStep(taskId, form, PlainValues.of(task.getVariables()), groups, task.getAssignee());
    }

    private void check(EngineCaller caller, String step, FormSchema form, Map<String, Object> submitted,
                       Map<String, Object> current, Mode mode) {
        if (form == null) {
            if (!submitted.isEmpty()) {
                throw new AuthorizationException(step + " has no form and accepts no values, not "
                        + String.join(", ", submitted.keySet()));
            }
            return;
        }
        FormContract.Outcome outcome = new FormContract(form).check(submitted, current, mode);
        if (!outcome.notAccepted().isEmpty()) {
            throw new AuthorizationException("Form '" + form.id() + "' does not accept "
                    + String.join(", ", outcome.notAccepted()));
        }
        List<Violation> violations = new ArrayList<>(outcome.invalid());
        if (violations.isEmpty() && mode == Mode.COMPLETE) {
            StepRules.Submission submission = new StepRules.Submission(form, caller.userId(), caller.groups(), submitted,
                    current);
            rulesByForm.getOrDefault(form.id(), List.of()).forEach(r -> violations.addAll(r.check(submission)));
        }
        if (!violations.isEmpty()) {
            throw new FormFieldValidationException(violations.get(0).key(), "Form '" + form.id() + "': "
                    + violations.stream().map(Violation::message).collect(Collectors.joining("; ")));
        }
    }

    private static boolean hasStartForm(ProcessDefinitionEntity definition) {
        return definition.getStartFormDefinition() != null
                && definition.getStartFormDefinition().getCamundaFormDefinitionKey() != null;
    }

    private static FormSchema read(InputStream form) {
        try (InputStream in = form) {
            return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
