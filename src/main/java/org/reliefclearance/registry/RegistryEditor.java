package org.reliefclearance.registry;

/**
 * Who edits the registry, from the caller's authentication: administrators edit everything, MoLSW
 * officials the organisations (they register and suspend them); everyone else only reads.
 */
public record RegistryEditor(String userId, boolean administrator, boolean molsw) {

    public boolean mayEdit(RegistryEntity entity) {
        return administrator || molsw && entity == RegistryEntity.ORGANISATION;
    }

    public boolean mayEditAnything() {
        return administrator || molsw;
    }
}
