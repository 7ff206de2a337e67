package org.reliefclearance.registry;

/**
 * A port of entry, with the customs group whose officers clear goods there and the group of its head
 * of checkpoint, who alone may release before the declaration (IM8).
 */
public record Port(String code, String name, String kind, String customsGroup, String headGroup) {
}
