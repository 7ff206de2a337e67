package org.reliefclearance.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration
class OpenApiConfiguration {

    static final String BASIC = "basic";

    @Bean
    OpenAPI reliefClearanceApi() {
        return new OpenAPI()
                .info(new Info().title("Relief Clearance API").version("v1")
                        .description("Pre-arrival notification and clearance of humanitarian relief consignments. "
                                + "Authenticate with HTTP Basic using your Tasklist user. Errors are "
                                + "application/problem+json; invalid input lists each bad field in errors[]."))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
