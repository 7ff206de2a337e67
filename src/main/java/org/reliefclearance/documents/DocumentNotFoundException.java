package org.reliefclearance.documents;

/** No such document on this consignment. */
public class DocumentNotFoundException extends RuntimeException {

    public DocumentNotFoundException(long id) {
        super("No document " + id + " on this consignment");
    }
}
