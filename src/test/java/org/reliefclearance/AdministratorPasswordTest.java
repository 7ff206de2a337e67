package org.reliefclearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A start without the demo profile (a bare {@code java -jar}) creates no demo users and will not
 * start without a strong administrator password.
 *
 * <p>Settings are passed as command-line arguments: they must outrank application.yaml, as the
 * environment variables they stand for do. Each start uses its own in-memory database.
 */
class AdministratorPasswordTest {

    private static final String STRONG = "Str0ng-relief-passphrase";

    @Test
    void refusesToStartWithAWeakAdministratorPassword() {
        assertThatThrownBy(() -> start("--relief.admin.password=admin").close())
                .hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining("RELIEF_ADMIN_PASSWORD")
                .hasStackTraceContaining("shorter than");
    }

    @Test
    void refusesToStartWithoutAnAdministratorPassword() {
        assertThatThrownBy(() -> start("--relief.admin.password=").close())
                .hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining("no password given");
    }

    @Test
    void withoutAProfileThereAreNoDemoUsersOnlyTheAdministrator() {
        try (ConfigurableApplicationContext context = start("--relief.admin.password=" + STRONG)) {
            assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
            IdentityService identity = context.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("admin");
            assertThat(identity.checkPassword("admin", STRONG)).isTrue();
            assertThat(identity.createGroupQuery().groupId("moh-fdd").count()).as("registry groups").isOne();
        }
    }

    /** The service as a bare {@code java -jar} starts it: no profile at all. */
    private static ConfigurableApplicationContext start(String... arguments) {
        String[] base = {"--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:no-profile-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.job-execution.enabled=false"};
        String[] all = new String[base.length + arguments.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(arguments, 0, all, base.length, arguments.length);
        return new SpringApplicationBuilder(ReliefClearanceApplication.class).run(all);
    }
}
