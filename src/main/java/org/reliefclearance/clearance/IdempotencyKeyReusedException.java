package org.reliefclearance.clearance;

/** An Idempotency-Key already used for a different notification of the same organisation. */
public class IdempotencyKeyReusedException extends RuntimeException {

    /** The request header that carries the key. */
    public static final String HEADER = "Idempotency-Key";

    public IdempotencyKeyReusedException(String reference) {
        super("This Idempotency-Key was used for a different notification (consignment " + reference
                + "); use a new key for a new notification");
    }
}
