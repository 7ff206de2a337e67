package org.reliefclearance.modelguard;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Nothing a deployed model says runs code outside the application's own beans: installs
 * {@link DeploymentGuard}, a pre-deployer refusing any new deployment with scripts, Java classes,
 * connectors, embedded forms, non-FEEL decisions or an expression outside {@link ExpressionAllowList}.
 */
@Component
class ModelGuardPlugin extends AbstractProcessEnginePlugin {

    private final ModelBeans beans;

    ModelGuardPlugin(ApplicationContext applicationContext) {
        this.beans = new ModelBeans(applicationContext);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers()
                .add(new DeploymentGuard(new BpmnRules(new ExpressionAllowList(beans)), new DmnRules()));
    }
}
