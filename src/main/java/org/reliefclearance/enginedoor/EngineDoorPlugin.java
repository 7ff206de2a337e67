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
 * Installs the guards in front of every engine command (the caller's, then that no job loses its due
 * date) and, inside the command, the case's facts on what a form is shown.
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
        configuration.setCustomPreCommandInterceptorsTxRequired(withInterceptor(withInterceptor(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new JobDueDateKept(configuration)),
                new CallerCommandGuard(configuration, callers, policy)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withInterceptor(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
                new CallerCommandGuard(configuration, callers, policy)));
        configuration.setCustomPostCommandInterceptorsTxRequired(withInterceptor(
                configuration.getCustomPostCommandInterceptorsTxRequired(),
                new CaseFactsOnForms(() -> caseFacts.orderedStream().toList())));
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
