package org.reliefclearance.consignment;

import java.util.Set;

/** Where a consignment stands in the SOP; the terminal ones end the case. */
public enum ConsignmentStatus {
    NOTIFIED,
    /** The consignee applied for recognition during an emergency: the case waits for MoLSW's decision. */
    AWAITING_RECOGNITION,
    NOT_ELIGIBLE,
    PROHIBITED,
    AWAITING_ENDORSEMENT,
    NOT_ENDORSED,
    UNDER_REVIEW,
    REJECTED,
    AWAITING_EXEMPTION_DECISION,
    AWAITING_ARRIVAL,
    ARRIVED,
    UNDER_EXAMINATION,
    /** Some lines released, others still waiting for their ministry. */
    PARTIALLY_RELEASED,
    RELEASED,
    AWAITING_DISTRIBUTION_REPORT,
    CLOSED,
    WITHDRAWN;

    private static final Set<ConsignmentStatus> TERMINAL = Set.of(NOT_ELIGIBLE, PROHIBITED, NOT_ENDORSED, REJECTED,
            CLOSED, WITHDRAWN);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }
}
