package org.reliefclearance.consignment;

/** Input that passed the request's own checks but not the rules behind them (registry, lines, file content). */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
