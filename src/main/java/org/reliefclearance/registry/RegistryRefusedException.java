package org.reliefclearance.registry;

/** The caller may not make this change; nothing was written. */
public class RegistryRefusedException extends RuntimeException {

    public RegistryRefusedException(String message) {
        super(message);
    }
}
