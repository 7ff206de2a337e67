package org.reliefclearance.enginedoor;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * Engine commands that only read. The engine's authorizations decide what a caller may read;
 * everything else a caller sends is a write, and writes are allowed one by one (CallerPolicy).
 */
final class ReadCommands {

    private static final Pattern READ = Pattern.compile(
            "(Get|Find|Is|ExecuteFilter)[A-Za-z]*|Create[A-Za-z]*QueryCmd|AuthorizationCheckCmd|CheckPassword"
                    + "|DetermineHistoryLevelCmd");

    private ReadCommands() {
    }

    static boolean isRead(Command<?> command) {
        if (command instanceof AbstractQuery<?, ?>) {
            return true;
        }
        Class<?> type = command.getClass();
        return type.getName().startsWith("org.camunda.bpm.engine.impl.") && !type.isSynthetic()
                && READ.matcher(type.getSimpleName()).matches();
    }
}
