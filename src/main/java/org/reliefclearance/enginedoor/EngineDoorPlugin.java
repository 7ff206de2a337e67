package org.reliefclearance.enginedoor;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.reliefclearance.forms.CaseFacts;
import org.reliefclearance.forms.StepRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs the guards in front of every engine command (a completion that lost a race done again, the
 * caller's guard, then that no job loses its due date) and, inside the command, where a completion
 * found its task and the case's facts on what a form is shown.
 */
@Component
class EngineDoorPlugin extends AbstractProcessEnginePlugin {

    private final EngineCallers callers;
    private final List<StepRules> stepRules;
    /** Resolved when a form is first read: the facts read through the engine, which needs this plugin first. */
    private final ObjectProvider<CaseFacts> caseFacts;

    EngineDoorPlugin(EngineCallers callers, List<StepRules> stepRules, ObjectProvider<CaseFacts> caseFacts) {
        this.callers = callers;
        this.stepRules = stepRules;
        this.caseFacts = caseFacts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CallerPolicy policy = new CallerPolicy(configuration, new StepForms(configuration, stepRules));
        // an interceptor is a link of one chain (it holds the next one): one guard per chain
        // a completion that lost a race is done again from the start, through the guard again
        CompletionRetry completionRetry = CompletionRetry.of(configuration);
        configuration.setCustomPreCommandInterceptorsTxRequired(withInterceptor(withInterceptor(withInterceptor(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new JobDueDateKept(configuration)),
                new CallerCommandGuard(configuration, callers, policy)), completionRetry));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withInterceptor(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
                new CallerCommandGuard(configuration, callers, policy)));
        configuration.setCustomPostCommandInterceptorsTxRequired(withInterceptor(withInterceptor(
                configuration.getCustomPostCommandInterceptorsTxRequired(),
                new CaseFactsOnForms(() -> caseFacts.orderedStream().toList())), completionRetry.whereTheTaskWas()));
    }

    /** The interceptor first, then those already configured. */
    private static List<CommandInterceptor> withInterceptor(List<CommandInterceptor> existing,
                                                            CommandInterceptor interceptor) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(interceptor);
        if (existing != null) {
            interceptors.addAll(existing);
        }
        return interceptors;
    }
}
