package org.reliefclearance.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.reliefclearance.registry.Registry;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockEnvironment;

/**
 * A start without the demo profile (a bare {@code java -jar}) creates no demo users and will not
 * start without a strong administrator password; the demo profile is on only where README's run
 * command asks for it.
 */
class AdministratorAccountTest {

    private static final String STRONG = "Str0ng-relief-passphrase";
    private static final DemoProperties DEMO = new DemoProperties("demo", "relief.test",
            List.of(new DemoProperties.DemoUser("wfp", "Anna", "Logistician", "org-wfp", List.of(), "en")));

    private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    private final Registry registry = mock(Registry.class);
    private final UserProfiles profiles = mock(UserProfiles.class);

    @Test
    void refusesToStartWithAWeakOrMissingAdministratorPassword() {
        assertThatThrownBy(() -> setup("admin", false).checkAdministrator())
                .hasMessageContaining("Refusing to start").hasMessageContaining("RELIEF_ADMIN_PASSWORD")
                .hasMessageContaining("shorter than");
        assertThatThrownBy(() -> setup("", false).checkAdministrator()).hasMessageContaining("no password given");
        assertThatCode(() -> setup(STRONG, false).checkAdministrator()).doesNotThrowAnyException();
    }

    @Test
    void withoutTheDemoProfileOnlyTheAdministratorIsCreated() {
        setup(STRONG, false).createAll();

        verify(identity).newUser("admin");
        verify(identity, never()).newUser("wfp");
    }

    @Test
    void theDemoProfileAddsItsUsers() {
        setup(STRONG, true).createAll();

        verify(identity).newUser("wfp");
        verify(profiles).setDefaults("wfp", "wfp@relief.test", Locale.ENGLISH);
    }

    @Test
    void noProfileIsOnByDefaultOnlyTheRunCommandAsksForDemo() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application",
                new FileSystemResource("src/main/resources/application.yaml"));
        assertThat(yaml).noneMatch(source -> source.containsProperty("spring.profiles.default")
                || source.containsProperty("spring.profiles.active"));
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<profile>${relief.run.profiles}</profile>")
                .contains("<relief.run.profiles>demo</relief.run.profiles>");
    }

    private IdentitySetup setup(String password, boolean demoProfile) {
        MockEnvironment environment = new MockEnvironment();
        if (demoProfile) {
            environment.setActiveProfiles("demo");
        }
        return new IdentitySetup(identity, registry, new AdministratorProperties("admin", password, false), DEMO,
                profiles, environment);
    }
}
