package org.reliefclearance.emergency;

/** No emergency has this code. */
public class EmergencyNotFoundException extends RuntimeException {

    public EmergencyNotFoundException(String code) {
        super("No emergency " + code);
    }
}
