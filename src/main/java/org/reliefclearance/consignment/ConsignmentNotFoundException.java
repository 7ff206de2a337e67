package org.reliefclearance.consignment;

/** No such consignment, or none the caller may see: both look the same, so references cannot be probed. */
public class ConsignmentNotFoundException extends RuntimeException {

    public ConsignmentNotFoundException(String reference) {
        super("No consignment " + reference);
    }
}
