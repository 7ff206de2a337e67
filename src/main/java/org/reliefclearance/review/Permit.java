package org.reliefclearance.review;

import java.time.LocalDate;
import java.util.List;

/**
 * What an authority grants with its approval: the number customs declares, its validity and its
 * conditions (codes of the review form's checklist, e.g. {@link #INSPECTION_ON_ARRIVAL}).
 */
public record Permit(String number, LocalDate validUntil, List<String> conditions) {

    /** The port inspects the goods on arrival: the examination-risk decision recommends an examination. */
    public static final String INSPECTION_ON_ARRIVAL = "INSPECTION_ON_ARRIVAL";

    public static final Permit NONE = new Permit(null, null, List.of());

    public Permit {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** For the timeline: "permit MTC-2026-17, valid until 2026-12-31, INSPECTION_ON_ARRIVAL". */
    String describe() {
        if (number == null) {
            return "";
        }
        return "permit " + number + (validUntil == null ? "" : ", valid until " + validUntil)
                + (conditions.isEmpty() ? "" : ", " + String.join(", ", conditions));
    }
}
