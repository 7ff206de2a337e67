package org.reliefclearance.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/** Puts {@link LoginAuditingIdentityProvider} in place of Camunda's default user store. */
@Component
class LoginAuditPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return LoginAuditingIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new LoginAuditingIdentityProvider();
            }
        });
    }
}
