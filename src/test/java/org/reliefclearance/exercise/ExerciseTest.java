package org.reliefclearance.exercise;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service in exercise mode: one Spring context every exercise test shares (a second one beside the
 * {@code @ServiceTest} context), on its own in-memory database and mail server, handing releases to the
 * customs-system simulator it runs; the clock is ticked by the tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "relief.exercise.ticking=false",
        "spring.datasource.url=jdbc:h2:mem:exercise-${random.uuid};DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"})
@ActiveProfiles({"test", "demo", "exercise"})
@ContextConfiguration(initializers = ExerciseMailServer.Connected.class)
public @interface ExerciseTest {
}
