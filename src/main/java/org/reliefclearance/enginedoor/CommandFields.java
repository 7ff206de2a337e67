package org.reliefclearance.enginedoor;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * Reads what an engine command carries (its task id, variables, target user). The commands keep
 * these in protected fields without getters; the attack tests fail if a Camunda upgrade renames one.
 */
final class CommandFields {

    private CommandFields() {
    }

    @SuppressWarnings("unchecked")
    static <T> T read(Command<?> command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (T) field.get(command);
            } catch (NoSuchFieldException notHere) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + type.getName(), e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
    }
}
