package org.reliefclearance.consignment;

/** The caller may see the consignment (or none at all) but not do this with it. */
public class ActionForbiddenException extends RuntimeException {

    public ActionForbiddenException(String message) {
        super(message);
    }
}
