package org.reliefclearance.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo users (demo profile only): one per group, all with the same password, each with the e-mail
 * address {@code id@mailDomain} (a local domain: the mails land in the demo's Mailpit).
 */
@ConfigurationProperties("relief.demo")
public record DemoProperties(String password, String mailDomain, List<DemoUser> users) {

    public DemoProperties {
        users = users == null ? List.of() : List.copyOf(users);
        mailDomain = mailDomain == null || mailDomain.isBlank() ? "relief.test" : mailDomain.strip();
    }

    /**
     * {@code alsoIn}: further groups, e.g. a ministry's head is an official of the ministry too;
     * {@code language}: the language of the user's mails (en when not given).
     */
    public record DemoUser(String id, String firstName, String lastName, String group, List<String> alsoIn,
                           String language) {

        public DemoUser {
            alsoIn = alsoIn == null ? List.of() : List.copyOf(alsoIn);
        }
    }
}
