package org.reliefclearance.registry;

import java.util.List;

/** Fields of a registry entry (or of an imported file) are invalid; nothing was written. */
public class RegistryInputException extends RuntimeException {

    /** One invalid field, named as the API's JSON names it ({@code ports[2].customsGroup}). */
    public record Problem(String field, String message) {
    }

    private final List<Problem> problems;

    public RegistryInputException(List<Problem> problems) {
        super(problems.get(0).field() + " " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public RegistryInputException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
