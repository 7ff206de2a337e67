package org.reliefclearance.enginedoor;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * An application page that has checked its caller's role and the safety of the request runs an engine
 * operation as that caller: the engine's authorizations apply to the caller and its user operation log
 * names them, while {@link CallerCommandGuard} lets the operation through as the application's own (the
 * engine REST API keeps refusing it to the caller, e.g. migrations to process owners).
 */
@Component
public class ActingAs {

    private final ProcessEngineConfigurationImpl engine;
    private final IdentityService identity;

    ActingAs(ProcessEngine engine) {
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.identity = engine.getIdentityService();
    }

    public <T> T run(String userId, List<String> groups, Supplier<T> work) {
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(userId, groups);
        try {
            return engine.getCommandExecutorTxRequired().execute(new PageOperation<>(work));
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }

    /** The application's command: the engine calls inside it are nested and run with the caller's rights. */
    private record PageOperation<T>(Supplier<T> work) implements Command<T> {

        @Override
        public T execute(CommandContext context) {
            return work.get();
        }
    }
}
