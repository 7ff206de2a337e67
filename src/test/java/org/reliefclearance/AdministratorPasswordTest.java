package org.reliefclearance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Outside the demo profile the service will not start without a strong administrator password. */
class AdministratorPasswordTest {

    @Test
    void refusesToStartWithAWeakAdministratorPassword() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(ReliefClearanceApplication.class)
                .profiles("test")
                .properties("server.port=0", "relief.admin.password=admin");
        assertThatThrownBy(app::run)
                .hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining("RELIEF_ADMIN_PASSWORD");
    }
}
