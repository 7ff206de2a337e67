package org.reliefclearance.customs;

/** A customs-system client on other settings than the service's, for tests that talk to another system. */
public final class CustomsSystems {

    private CustomsSystems() {
    }

    public static CustomsSystem of(CustomsSystemProperties properties) {
        return new CustomsSystem(properties);
    }
}
