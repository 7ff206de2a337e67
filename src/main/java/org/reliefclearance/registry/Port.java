package org.reliefclearance.registry;

/** A port of entry, with the customs group whose officers clear goods there. */
public record Port(String code, String name, String kind, String customsGroup) {
}
