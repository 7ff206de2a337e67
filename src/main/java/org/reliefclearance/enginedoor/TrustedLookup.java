package org.reliefclearance.enginedoor;

import java.util.function.Function;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * What the engine's door itself reads (the guard, before it lets a caller's command through: a
 * task's form, its candidates, a job's definition; the completion retry, where a task is after a
 * failure): run in the engine without the caller's authorizations, and let through by the guard.
 */
final class TrustedLookup<T> implements Command<T> {

    private final Function<CommandContext, T> work;

    private TrustedLookup(Function<CommandContext, T> work) {
        this.work = work;
    }

    static <T> T run(ProcessEngineConfigurationImpl engine, Function<CommandContext, T> work) {
        return engine.getCommandExecutorTxRequired().execute(new TrustedLookup<>(work));
    }

    @Override
    public T execute(CommandContext context) {
        return context.runWithoutAuthorization(() -> work.apply(context));
    }
}
