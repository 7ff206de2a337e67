package org.reliefclearance.modelguard;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.springframework.util.ClassUtils;

/**
 * JUEL's access to Java objects, limited to what {@link ModelAccess} allows: methods only of a
 * model bean (declared by its own class) or the allow-listed ones of {@code execution} /
 * {@code task}; never the property {@code class}; of the engine's objects (executions, tasks,
 * any variable scope) only the allow-listed properties; of a model bean only its own getters.
 * No setters at all. Anything else fails the evaluation with a {@link ProcessEngineException}.
 */
final class RestrictedBeanElResolver extends BeanELResolver {

    private final ModelBeans beans;

    RestrictedBeanElResolver(ModelBeans beans) {
        super(true); // read-only: a model has no business calling setters
        this.beans = beans;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base != null) {
            checkCall(base, String.valueOf(method), params == null ? 0 : params.length);
        }
        return super.invoke(context, base, method, paramTypes, params);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base != null) {
            checkRead(base, String.valueOf(property));
        }
        return super.getValue(context, base, property);
    }

    private void checkCall(Object base, String method, int argumentCount) {
        if (base instanceof DelegateExecution || base instanceof DelegateTask) {
            if (!ModelAccess.ENGINE_METHODS.contains(method)) {
                throw refused("may not call " + method + "() of " + describe(base) + " (only "
                        + ModelAccess.listed(ModelAccess.ENGINE_METHODS, "()") + ")");
            }
            return;
        }
        Class<?> type = ClassUtils.getUserClass(base);
        if (!beans.isModelBeanClass(type)) {
            throw refused("may not call " + method + "() of " + describe(base)
                    + ": only model beans and execution/task may be called");
        }
        if (!ModelAccess.isBeanMethod(type, method, argumentCount)) {
            throw refused("may not call " + method + "() of " + describe(base)
                    + ": not a public method declared by " + type.getName());
        }
    }

    private void checkRead(Object base, String property) {
        if (ModelAccess.isClassProperty(property)) {
            throw refused("may not read property '" + property + "' of " + describe(base));
        }
        if (base instanceof VariableScope) {
            if (!ModelAccess.ENGINE_PROPERTIES.contains(property)) {
                throw refused("may not read property '" + property + "' of " + describe(base) + " (only "
                        + ModelAccess.listed(ModelAccess.ENGINE_PROPERTIES, "") + ")");
            }
            return;
        }
        Class<?> type = ClassUtils.getUserClass(base);
        if (beans.isModelBeanClass(type) && !ModelAccess.isBeanProperty(type, property)) {
            throw refused("may not read property '" + property + "' of " + describe(base)
                    + ": not a getter declared by " + type.getName());
        }
    }

    private static String describe(Object base) {
        if (base instanceof DelegateExecution) {
            return "execution";
        }
        if (base instanceof DelegateTask) {
            return "task";
        }
        return base == null ? "null" : "a " + base.getClass().getName();
    }

    private static ProcessEngineException refused(String what) {
        return new ProcessEngineException("Expression refused: a model " + what);
    }
}
