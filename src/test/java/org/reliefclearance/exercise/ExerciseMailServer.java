package org.reliefclearance.exercise;

import org.reliefclearance.notifications.TestMailServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The exercise context's own SMTP server: its mails (emergency and task mails with references and
 * codes the other test context also numbers) never reach the mailbox the other tests read.
 */
final class ExerciseMailServer {

    private static TestMailServer server;

    private ExerciseMailServer() {
    }

    static synchronized TestMailServer get() {
        if (server == null) {
            server = TestMailServer.start();
        }
        return server;
    }

    static final class Connected implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + get().port()).applyTo(context);
        }
    }
}
