package org.reliefclearance.customs;

/** The customs system did not take a release record; the job retries, then raises an incident. */
public class CustomsSystemUnavailableException extends RuntimeException {

    CustomsSystemUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
