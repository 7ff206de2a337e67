package org.reliefclearance.consignment;

/** The case is not at a point where this action is possible (ended, or not waiting for it). */
public class WrongStateException extends RuntimeException {

    public WrongStateException(String message) {
        super(message);
    }
}
