package org.reliefclearance.modelguard;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The beans models may call by name: the application's own delegates and listeners (classes in
 * {@code org.reliefclearance} implementing {@link JavaDelegate}, {@link ExecutionListener} or
 * {@link TaskListener}) and beans annotated {@link ModelBean}.
 *
 * <p>Worked out from the bean definitions on first use, without creating any bean: the engine is
 * built while the context starts, and the delegates themselves depend on the engine's services.
 */
final class ModelBeans {

    private static final String APPLICATION_PACKAGE = "org.reliefclearance.";

    private final ListableBeanFactory beanFactory;
    private volatile Map<String, Class<?>> allowed;

    ModelBeans(ListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /** The bean's class (without proxy subclass) when {@code name} is a model bean, else null. */
    Class<?> typeOf(String name) {
        return allowed().get(name);
    }

    Set<String> names() {
        return allowed().keySet();
    }

    /** The bean itself; only for model beans. */
    Object bean(String name) {
        if (typeOf(name) == null) {
            throw new IllegalArgumentException(name + " is not a model bean");
        }
        return beanFactory.getBean(name);
    }

    /** Whether {@code type} is the class of a model bean. */
    boolean isModelBeanClass(Class<?> type) {
        return allowed().containsValue(ClassUtils.getUserClass(type));
    }

    private Map<String, Class<?>> allowed() {
        Map<String, Class<?>> beans = allowed;
        if (beans == null) {
            beans = findModelBeans();
            allowed = beans;
        }
        return beans;
    }

    private Map<String, Class<?>> findModelBeans() {
        Map<String, Class<?>> beans = new TreeMap<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            try {
                Class<?> type = beanFactory.getType(name, false);
                if (type == null) {
                    continue; // not known without creating it: not callable from a model
                }
                Class<?> userClass = ClassUtils.getUserClass(type);
                if (isApplicationDelegate(userClass)
                        || beanFactory.findAnnotationOnBean(name, ModelBean.class, false) != null) {
                    beans.put(name, userClass);
                }
            } catch (BeansException unresolvable) {
                // likewise
            }
        }
        return Collections.unmodifiableMap(beans);
    }

    private static boolean isApplicationDelegate(Class<?> type) {
        return type.getName().startsWith(APPLICATION_PACKAGE)
                && (JavaDelegate.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type)
                    || TaskListener.class.isAssignableFrom(type));
    }
}
