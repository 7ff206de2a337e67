package org.reliefclearance.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Demo users (demo profile only): one per group, all with the same password. */
@ConfigurationProperties("relief.demo")
public record DemoProperties(String password, List<DemoUser> users) {

    public DemoProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** {@code alsoIn}: further groups, e.g. a ministry's head is an official of the ministry too. */
    public record DemoUser(String id, String firstName, String lastName, String group, List<String> alsoIn) {

        public DemoUser {
            alsoIn = alsoIn == null ? List.of() : List.copyOf(alsoIn);
        }
    }
}
