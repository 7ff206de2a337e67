package org.reliefclearance.registry;

/** A group of users with one role in the SOP; authorizations are derived from the role. */
public record OfficialGroup(String id, String name, Role role) {

    public enum Role {
        MOLSW, CUSTOMS_HQ, PORT_CUSTOMS, AUTHORITY, COORDINATOR, PROCESS_OWNER, ORGANISATION
    }
}
