package org.reliefclearance.portal;

import org.reliefclearance.consignment.ActionForbiddenException;
import org.reliefclearance.consignment.Caller;

/** The portal is for members of a registered organisation; officials work in Tasklist. */
final class PortalCaller {

    private PortalCaller() {
    }

    /** The caller's organisation, or a refusal for anyone who belongs to none. */
    static String organisation(Caller caller) {
        if (caller.organisationCode() == null) {
            throw new ActionForbiddenException("The portal is for members of a registered organisation");
        }
        return caller.organisationCode();
    }
}
