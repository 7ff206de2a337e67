package org.reliefclearance.recognition;

import java.util.List;

/** An application for recognition the service did not take; nothing of it was written. */
public class ApplicationRefused extends RuntimeException {

    /** Why, as the doors answer it. */
    public enum Reason {
        /** Fields missing or malformed (400). */
        INVALID,
        /** A name or user name that exists already (409). */
        DUPLICATE,
        /** Recognition is granted only during a national emergency (409). */
        NO_EMERGENCY,
        /** Too many applications wait for MoLSW already (429). */
        TOO_MANY_PENDING
    }

    public record FieldProblem(String field, String message) {
    }

    private final Reason reason;
    private final List<FieldProblem> problems;

    ApplicationRefused(Reason reason, String message, List<FieldProblem> problems) {
        super(message);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public Reason reason() {
        return reason;
    }

    /** The fields at fault, if the refusal is about fields. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
