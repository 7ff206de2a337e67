package org.reliefclearance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.customs.FakeCustomsSystem;
import org.reliefclearance.notifications.TestMailServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port, with the demo users, on a private in-memory database,
 * handing releases to the shared fake customs system and mails to the shared test mail server.
 * Every integration test in {@code mvn test} uses this one configuration, so Spring starts it once
 * and every test class shares it; a test that needs other settings is a sign to rethink the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@ContextConfiguration(initializers = {FakeCustomsSystem.Connected.class, TestMailServer.Connected.class})
@Import(ClearanceCases.Wiring.class)
public @interface ServiceTest {
}
