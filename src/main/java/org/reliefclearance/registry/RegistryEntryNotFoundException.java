package org.reliefclearance.registry;

/** No registry entry has this key. */
public class RegistryEntryNotFoundException extends RuntimeException {

    public RegistryEntryNotFoundException(RegistryEntity entity, String key) {
        super("No " + entity.name().toLowerCase().replace('_', ' ') + " '" + key + "' in the registry");
    }
}
