package org.reliefclearance.modelguard;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an expression in a model may reach besides variables, literals and operators. The
 * deployment guard checks expressions against it before they are stored; the run-time resolver
 * enforces it again when they are evaluated.
 */
final class ModelAccess {

    /** Engine objects an expression can name; through them lie the engine's services. */
    static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask");

    static final Set<String> ENGINE_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
            "hasVariableLocal", "setVariable", "setVariableLocal", "getProcessBusinessKey", "getId",
            "getProcessInstanceId", "getBusinessKey");

    static final Set<String> ENGINE_PROPERTIES = Set.of("processBusinessKey", "id", "processInstanceId",
            "businessKey", "eventName", "currentActivityId");

    /** The engine's own EL functions. */
    static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");

    private ModelAccess() {
    }

    /** For messages: "a(), b()" or "a, b", sorted. */
    static String listed(Set<String> names, String suffix) {
        return names.stream().sorted().map(name -> name + suffix).collect(Collectors.joining(", "));
    }

    /** {@code class} leads from any object to reflection. */
    static boolean isClassProperty(String property) {
        return "class".equalsIgnoreCase(property);
    }

    /**
     * A public method the bean's own class declares, taking {@code argumentCount} arguments:
     * never one inherited from {@code Object} or a framework superclass.
     */
    static boolean isBeanMethod(Class<?> beanClass, String name, int argumentCount) {
        for (Method method : beanClass.getDeclaredMethods()) {
            if (method.getName().equals(name) && isCallable(method) && (method.getParameterCount() == argumentCount
                    || method.isVarArgs() && argumentCount >= method.getParameterCount() - 1)) {
                return true;
            }
        }
        return false;
    }

    /** A property backed by a public getter the bean's own class declares. */
    static boolean isBeanProperty(Class<?> beanClass, String property) {
        if (property.isEmpty() || isClassProperty(property)) {
            return false;
        }
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : beanClass.getDeclaredMethods()) {
            if (isCallable(method) && method.getParameterCount() == 0
                    && (method.getName().equals("get" + suffix) || method.getName().equals("is" + suffix))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCallable(Method method) {
        return Modifier.isPublic(method.getModifiers()) && !method.isBridge() && !method.isSynthetic();
    }
}
