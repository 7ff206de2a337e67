package org.reliefclearance.registry;

/**
 * Published, inside the changing transaction, after the registry changed: whoever derives something
 * from the registry (the Camunda groups and grants, see identity/) brings it up to date at once.
 * {@code entity} and {@code key} name the entry, both null after an import.
 */
public record RegistryChanged(RegistryEntity entity, String key) {

    /** After an import, when entries of any kind may have changed. */
    public static RegistryChanged imported() {
        return new RegistryChanged(null, null);
    }
}
