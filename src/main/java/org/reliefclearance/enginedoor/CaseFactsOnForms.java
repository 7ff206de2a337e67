package org.reliefclearance.enginedoor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.forms.CaseFacts;

/**
 * Adds what the application holds of a task's case ({@link CaseFacts}) to the variables its form is
 * shown, as Tasklist reads them ({@code GET /task/{id}/form-variables}). Runs inside the command, once
 * Camunda has answered: the caller was allowed to read the task, and a fact takes the place of a
 * variable of the same name an older model version still carries.
 */
final class CaseFactsOnForms extends CommandInterceptor {

    private final Supplier<List<CaseFacts>> facts;

    CaseFactsOnForms(Supplier<List<CaseFacts>> facts) {
        this.facts = facts;
    }

    @Override
    public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (command instanceof GetTaskFormVariablesCmd read && result instanceof VariableMap variables) {
            add(variables, read.resourceId, read.formVariableNames);
        }
        return result;
    }

    private void add(VariableMap variables, String taskId, Collection<String> names) {
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        ExecutionEntity process = task == null ? null : task.getProcessInstance();
        if (process == null || process.getBusinessKey() == null) {
            return;
        }
        for (CaseFacts source : facts.get()) {
            for (Map.Entry<String, String> fact : source.of(process.getBusinessKey()).entrySet()) {
                if (names == null || names.isEmpty() || names.contains(fact.getKey())) {
                    variables.putValueTyped(fact.getKey(), Variables.stringValue(fact.getValue()));
                }
            }
        }
    }
}
