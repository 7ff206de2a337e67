package org.reliefclearance.identity;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads the service makes for the SOP while a user is signed in (who belongs to an authority's
 * group, what a deadline is): they need facts the user's own authorizations do not show.
 */
@Component
public class ServiceReads {

    private final ObjectProvider<ProcessEngine> engine;

    ServiceReads(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    /** A change the service makes after checking itself that the caller may (e.g. a user's own profile). */
    public void run(Runnable change) {
        read(() -> {
            change.run();
            return null;
        });
    }

    public <T> T read(Supplier<T> read) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(read::get));
    }
}
