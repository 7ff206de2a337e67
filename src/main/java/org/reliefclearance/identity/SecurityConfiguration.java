package org.reliefclearance.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Nothing is open by default. The application API uses HTTP Basic against the Camunda
 * identity and refuses data changes sent from other sites' pages ({@link ApiOriginCheck}); the
 * Camunda webapps keep their own login, session and CSRF protection; the engine REST API
 * requires Basic authentication and honours Camunda authorizations.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain applicationApi(HttpSecurity http, ApiProperties api, ObjectMapper json,
                                       WebappSessionAuthentication webappSession) throws Exception {
        return http.securityMatcher(path("/api/**"))
                // no data changes from other sites' pages (the browser sends their Origin)
                .addFilterBefore(new ApiOriginCheck(api.allowedOrigins(), json), BasicAuthenticationFilter.class)
                .addFilterBefore(webappSession, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/requirements", "/api/emergencies/active").permitAll()
                        // an organisation not yet registered has no account: it applies for one (RecognitionApplications)
                        .requestMatchers(HttpMethod.POST, "/api/recognition-applications").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // the webapps' session is theirs: reading it never changes its id under Tasklist
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(f -> f.none()))
                // stateless Basic authentication, and the session only ever reads: no CSRF to defend against
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camunda(HttpSecurity http) throws Exception {
        // Camunda's own filters authenticate these paths (webapp login, engine-rest Basic)
        // and the webapps carry their own CSRF token.
        return http.securityMatcher(new OrRequestMatcher(path("/camunda/**"), path("/engine-rest/**"), path("/")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The organisations' portal is a browser application: a session after a login form, CSRF
     * tokens on every form, the same Camunda identity as everywhere else.
     */
    @Bean
    @Order(3)
    SecurityFilterChain portal(HttpSecurity http, UploadReturnPage uploadReturnPage) throws Exception {
        return http.securityMatcher(path("/portal/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/portal/login", "/portal/apply").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/portal/login").defaultSuccessUrl("/portal", true)
                        .failureUrl("/portal/login?failed"))
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?signedOut"))
                .exceptionHandling(e -> e.accessDeniedHandler(new OversizedUploadRedirect(uploadReturnPage)))
                .build();
    }

    /**
     * The registry's pages: administrators and officials edit reference data in a browser, so as the
     * portal, a session after a login form and CSRF tokens on every form. What each role may change is
     * the registry's rule (registry/RegistryEditor).
     */
    @Bean
    @Order(4)
    SecurityFilterChain registryPages(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/registry/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/registry/login").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/registry/login").defaultSuccessUrl("/registry", true)
                        .failureUrl("/registry/login?failed"))
                .logout(logout -> logout.logoutUrl("/registry/logout").logoutSuccessUrl("/registry/login?signedOut"))
                .build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain everythingElse(HttpSecurity http, MonitoringAccess monitoring,
                                       WebappSessionAuthentication webappSession) throws Exception {
        return http
                .addFilterBefore(webappSession, BasicAuthenticationFilter.class)
                // the case page opens inside Tasklist's Case tab; no other site may frame a page
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                // Basic or the webapps' session on every request: nothing of Spring's own in the
                // session, and the webapps' session id never changes under Tasklist
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(f -> f.none()))
                // Basic authenticates every request anew: renewing the CSRF token at each "login" would
                // void the token of a page's form at the next request for its stylesheet or icon
                .csrf(c -> c.sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").access(monitoring)
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // whether this is an exercise, for the webapps' banner (only in the exercise profile)
                        .requestMatchers(HttpMethod.GET, "/exercise/mode").permitAll()
                        // the pages' one stylesheet and the Lao font (static/), no other static path
                        .requestMatchers(HttpMethod.GET, "/css/relief.css", "/css/lao-font.css", "/fonts/noto-sans-lao-400.woff2",
                                "/fonts/noto-sans-lao-700.woff2").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    /** Reads by an official signed in to the webapps need no second login (not a servlet filter of its own). */
    @Bean
    WebappSessionAuthentication webappSessionAuthentication(IdentityService identity, ProcessEngine engine) {
        return new WebappSessionAuthentication(identity, engine.getName());
    }

    @Bean
    FilterRegistrationBean<WebappSessionAuthentication> webappSessionOnlyInSecurityChains(
            WebappSessionAuthentication filter) {
        FilterRegistrationBean<WebappSessionAuthentication> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** Plain path matching: the Camunda webapps and REST API are servlets of their own, not Spring MVC. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
