package org.reliefclearance.customs.simulator.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** The simulator stands for another system on another host: its paths are open, as that system's would be to us. */
@Configuration
@Profile("customs-simulator")
class SimulatorSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain customsSimulator(HttpSecurity http) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(AsycudaSimulator.PATH + "/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
