package org.reliefclearance.pages;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Whether this instance is an exercise (Spring profile {@code exercise}): then every page, portal
 * page, mail, dossier and the Camunda webapps say so. Templates read it as {@code ${@exerciseMode.on}}.
 * It lives with the pages, not with the exercise, because the mails and dossiers read it too and the
 * exercise depends on them.
 */
@Component("exerciseMode")
public class ExerciseMode {

    public static final String PROFILE = "exercise";

    private final boolean on;

    ExerciseMode(Environment environment) {
        this.on = environment.acceptsProfiles(Profiles.of(PROFILE));
    }

    public boolean isOn() {
        return on;
    }
}
