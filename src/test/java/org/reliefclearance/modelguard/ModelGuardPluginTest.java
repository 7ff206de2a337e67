package org.reliefclearance.modelguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/** What the plugin installs before the engine is built, and what it refuses after. */
class ModelGuardPluginTest {

    private final StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    private ModelGuardPlugin plugin;

    @BeforeEach
    void installPlugin() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();
        plugin = new ModelGuardPlugin(context);
        plugin.preInit(configuration);
    }

    @Test
    void installsBothLinesOfDefence() {
        assertThat(configuration.getCustomPreDeployers()).singleElement().isInstanceOf(DeploymentGuard.class);
        assertThat(configuration.getExpressionManager()).isInstanceOf(RestrictedExpressionManager.class);
        assertThat(configuration.getBeans()).isInstanceOf(ModelBeanMap.class);
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory()).isInstanceOf(PlainDataFeel.class);
        assertThatCode(() -> plugin.postInit(configuration)).doesNotThrowAnyException();
    }

    @Test
    void refusesToStartWhenAnotherPluginReplacedTheExpressionManager() {
        configuration.setExpressionManager(new JuelExpressionManager());

        assertThatThrownBy(() -> plugin.postInit(configuration)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("expression manager was replaced");
    }

    @Test
    void refusesToStartWithLegacyFeelWhichMakesJuelTheDefaultOfDecisions() {
        configuration.setDmnFeelEnableLegacyBehavior(true);

        assertThatThrownBy(() -> plugin.postInit(configuration)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("dmn-feel-enable-legacy-behavior");
    }
}
