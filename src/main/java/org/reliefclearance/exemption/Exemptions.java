package org.reliefclearance.exemption;

import java.math.BigDecimal;

import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.review.ReviewOutcomes;
import org.springframework.stereotype.Service;

/** Records Customs HQ's duty and tax waiver and what it amounts to. */
@Service
public class Exemptions {

    private final ConsignmentMilestones milestones;
    private final ConsignmentRepository consignments;
    private final ReviewOutcomes reviews;

    Exemptions(ConsignmentMilestones milestones, ConsignmentRepository consignments, ReviewOutcomes reviews) {
        this.milestones = milestones;
        this.consignments = consignments;
        this.reviews = reviews;
    }

    /**
     * @param entered the amount Customs HQ entered, for a partial exemption
     * @return the amount waived: the releasable lines' value (full), the entered amount (partial) or none
     */
    public BigDecimal record(String reference, ExemptionDecision decision, BigDecimal entered) {
        BigDecimal waived = switch (decision) {
            case FULL -> reviews.releasableValue(reference);
            case PARTIAL -> {
                if (entered == null) {
                    throw new IllegalArgumentException("A partial exemption needs the waived value");
                }
                yield entered;
            }
            case NONE -> BigDecimal.ZERO;
        };
        milestones.exemptionDecided(reference, decision.name(), waived);
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.EXEMPTION_RECORDED, null,
                decision + " exemption, USD " + waived.toPlainString() + " waived");
        return waived;
    }
}
