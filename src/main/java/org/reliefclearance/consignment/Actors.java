package org.reliefclearance.consignment;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who to name in the timeline: the official or organisation user acting now, else the system. */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {
    }

    /** The user Camunda authenticated for this call (Tasklist, REST, API), or {@code fallback}. */
    public static String current(IdentityService identity, String fallback) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return fallback == null ? SYSTEM : fallback;
    }
}
