package org.reliefclearance.modelguard;

import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Nothing a deployed model says runs code outside the application's own beans. Two lines of
 * defence, installed before the engine is built:
 * <ol>
 *   <li>{@link DeploymentGuard}, a pre-deployer refusing any new deployment with scripts, Java
 *       classes, connectors, embedded forms, non-FEEL decisions or an expression outside
 *       {@link ExpressionAllowList};</li>
 *   <li>{@link RestrictedExpressionManager} in place of the Spring starter's expression manager,
 *       enforcing the same limits when an expression is evaluated; and FEEL that sees only plain
 *       data ({@link PlainDataFeel}).</li>
 * </ol>
 */
@Component
class ModelGuardPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;
    private final ModelBeans beans;

    ModelGuardPlugin(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
        this.beans = new ModelBeans(applicationContext);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers()
                .add(new DeploymentGuard(new BpmnRules(new ExpressionAllowList(beans)), new DmnRules()));

        // ProcessEngineFactoryBean has set a SpringExpressionManager that resolves every bean of the context
        Map<Object, Object> modelBeans = new ModelBeanMap(beans);
        configuration.setBeans(modelBeans);
        configuration.setExpressionManager(new RestrictedExpressionManager(applicationContext, modelBeans, beans));

        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            configuration.setDmnEngineConfiguration(dmn);
        }
        dmn.setFeelEngineFactory(new PlainDataFeel(dmn));
    }

    /** Another plugin must not have undone this one, nor turned DMN's defaults back to JUEL. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!(configuration.getExpressionManager() instanceof RestrictedExpressionManager)) {
            throw new ProcessEngineException("Model guard: the expression manager was replaced after it was installed");
        }
        if (!(configuration.getDmnEngineConfiguration().getFeelEngineFactory() instanceof PlainDataFeel)) {
            throw new ProcessEngineException("Model guard: the FEEL engine was replaced after it was installed");
        }
        if (configuration.isDmnFeelEnableLegacyBehavior()) {
            throw new ProcessEngineException("Model guard: dmn-feel-enable-legacy-behavior makes JUEL the default "
                    + "language of decisions; the guard lets decisions use FEEL only");
        }
    }
}
