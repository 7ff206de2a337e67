package org.reliefclearance.enginedoor;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.reliefclearance.forms.StepRules;
import org.springframework.stereotype.Component;

/** Installs the guards in front of every engine command: the caller's, then that no job loses its due date. */
@Component
class EngineDoorPlugin extends AbstractProcessEnginePlugin {

    private final EngineCallers callers;
    private final List<StepRules> stepRules;

    EngineDoorPlugin(EngineCallers callers, List<StepRules> stepRules) {
        this.callers = callers;
        this.stepRules = stepRules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CallerPolicy policy = new CallerPolicy(configuration, new StepForms(configuration, stepRules));
        // an interceptor is a link of one chain (it holds the next one): one guard per chain
        configuration.setCustomPreCommandInterceptorsTxRequired(withGuard(withGuard(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new JobDueDateKept(configuration)),
                new CallerCommandGuard(configuration, callers, policy)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withGuard(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
                new CallerCommandGuard(configuration, callers, policy)));
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> existing, CommandInterceptor guard) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(guard);
        if (existing != null) {
            interceptors.addAll(existing);
        }
        return interceptors;
    }
}
