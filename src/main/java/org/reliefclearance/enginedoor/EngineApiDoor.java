package org.reliefclearance.enginedoor;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API's two doors: {@code /engine-rest} requires HTTP Basic against the Camunda
 * identity, then the allow-list of paths per role applies there and behind the webapps.
 */
@Configuration
class EngineApiDoor {

    /** After Spring Security's chain; the allow-list reads the user the authentication filter set. */
    static final int AUTHENTICATION_ORDER = 10;

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AUTHENTICATION_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> engineApiAllowList(IdentityService identity, EngineCallers callers) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new EngineApiAllowList(identity, callers));
        registration.setName("engine-api-allow-list");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(AUTHENTICATION_ORDER + 1);
        return registration;
    }
}
