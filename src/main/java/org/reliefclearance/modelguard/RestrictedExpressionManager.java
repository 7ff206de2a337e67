package org.reliefclearance.modelguard;

import java.util.Map;

import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.test.mock.MockElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;

/**
 * Second line of defence, for whatever the deployment guard did not see (a definition deployed
 * before it existed): the engine's expression manager with the resolver chain of
 * {@link SpringExpressionManager}, except that names resolve only to model beans and that Java
 * methods and properties are reached through {@link RestrictedBeanElResolver}.
 */
final class RestrictedExpressionManager extends SpringExpressionManager {

    private final ModelBeans modelBeans;

    /** @param beans read-only map of model bean name to bean ({@link ModelBeanMap}) */
    RestrictedExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans, ModelBeans modelBeans) {
        super(applicationContext, beans);
        this.modelBeans = modelBeans;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new MockElResolver());
        resolver.add(new ReadOnlyMapELResolver(beans));
        resolver.add(new ArrayELResolver());
        resolver.add(new ListELResolver());
        resolver.add(new MapELResolver());
        resolver.add(new RestrictedBeanElResolver(modelBeans));
        return resolver;
    }
}
