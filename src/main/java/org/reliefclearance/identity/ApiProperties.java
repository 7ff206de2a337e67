package org.reliefclearance.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application API's browser rule: besides the service's own origin, the origins
 * ({@code scheme://host[:port]}) whose pages may send requests that change data.
 */
@ConfigurationProperties("relief.api")
public record ApiProperties(List<String> allowedOrigins) {

    public ApiProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }
}
