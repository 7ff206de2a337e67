package org.reliefclearance.models;

/** A migration that would lose a case's state (or has no case to move): nothing was migrated. */
public class MigrationRefusedException extends RuntimeException {

    private final transient MigrationCheck check;

    MigrationRefusedException(MigrationCheck check) {
        super("Migration of " + check.key() + " version " + check.sourceVersion() + " refused: "
                + (check.problems().isEmpty() ? "no running case to move" : String.join("; ", check.problems())));
        this.check = check;
    }

    public MigrationCheck check() {
        return check;
    }
}
