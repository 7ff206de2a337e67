package org.reliefclearance.customs;

/** The customs system read the clearance decision and refused it (e.g. a document missing): the port acts. */
public class CustomsRefusedException extends RuntimeException {

    public CustomsRefusedException(String reason) {
        super(reason);
    }
}
