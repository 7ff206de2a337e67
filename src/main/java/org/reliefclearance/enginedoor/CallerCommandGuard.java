package org.reliefclearance.enginedoor;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's door for people: every command an authenticated user sends (through Tasklist,
 * Cockpit or the engine REST API) passes {@link CallerPolicy} before it runs. Commands the
 * application and the job executor run carry no user and pass, as do commands nested in one
 * already running (a delegate's call into the engine is the step's own doing, not the caller's).
 */
final class CallerCommandGuard extends CommandInterceptor {

    private static final String APPLICATION_PACKAGE = "org.reliefclearance.";
    private static final Logger log = LoggerFactory.getLogger(CallerCommandGuard.class);

    private final ProcessEngineConfigurationImpl engine;
    private final EngineCallers callers;
    private final CallerPolicy policy;

    CallerCommandGuard(ProcessEngineConfigurationImpl engine, EngineCallers callers, CallerPolicy policy) {
        this.engine = engine;
        this.callers = callers;
        this.policy = policy;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() == null && !applications(command)) {
            Authentication user = engine.getIdentityService().getCurrentAuthentication();
            if (user != null && user.getUserId() != null) {
                EngineCaller caller = callers.of(user.getUserId(), user.getGroupIds());
                try {
                    policy.check(caller, command);
                } catch (AuthorizationException refused) {
                    log.warn("Refused {} by {}: {}", command.getClass().getSimpleName(), caller.userId(),
                            refused.getMessage());
                    throw refused;
                }
            }
        }
        return next.execute(command);
    }

    /** The application's own commands (a deadline lookup, the guard's lookups): no caller can send one. */
    private static boolean applications(Command<?> command) {
        return command.getClass().getName().startsWith(APPLICATION_PACKAGE);
    }
}
