package org.reliefclearance.exemption;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentLine;
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
    private final DutyRates rates;

    Exemptions(ConsignmentMilestones milestones, ConsignmentRepository consignments, ReviewOutcomes reviews,
               DutyRates rates) {
        this.milestones = milestones;
        this.consignments = consignments;
        this.reviews = reviews;
        this.rates = rates;
    }

    /**
     * What the lines that may still be released would pay without an exemption: the most Customs HQ can
     * waive. Decided while ministries review, so lines awaiting review count; refused ones do not.
     */
    public DutiesAndTaxes forgoneByFullExemption(String reference) {
        return rates.of(reviews.lineStates(reference).entrySet().stream()
                .filter(e -> e.getValue() != ReviewOutcomes.LineState.REFUSED).map(Map.Entry::getKey).toList());
    }

    /**
     * After each release, the amount waived is what the lines released so far would have paid: all of it
     * for a full exemption, at most the amount decided for a partial one. Refused lines waive nothing.
     *
     * @param decided the amount recorded when Customs HQ decided
     */
    public BigDecimal settle(String reference, ExemptionDecision decision, BigDecimal decided) {
        List<ConsignmentLine> released = reviews.lineStates(reference).entrySet().stream()
                .filter(e -> e.getValue() == ReviewOutcomes.LineState.RELEASED).map(Map.Entry::getKey).toList();
        BigDecimal forgone = rates.of(released).total();
        BigDecimal waived = switch (decision) {
            case FULL -> forgone;
            case PARTIAL -> decided == null ? BigDecimal.ZERO : decided.min(forgone);
            case NONE -> BigDecimal.ZERO;
        };
        milestones.exemptionDecided(reference, decision.name(), waived);
        return waived;
    }

    /**
     * @param entered the duties and taxes Customs HQ waives, for a partial exemption
     * @return the duties and taxes waived: all those of the releasable lines (full), the entered amount
     *         (partial) or none. Revenue forgone, not the goods' value.
     */
    public BigDecimal record(String reference, ExemptionDecision decision, BigDecimal entered) {
        DutiesAndTaxes forgone = forgoneByFullExemption(reference);
        BigDecimal waived = switch (decision) {
            case FULL -> forgone.total();
            case PARTIAL -> {
                if (entered == null) {
                    throw new IllegalArgumentException("A partial exemption needs the amount waived");
                }
                yield entered;
            }
            case NONE -> BigDecimal.ZERO;
        };
        milestones.exemptionDecided(reference, decision.name(), waived);
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.EXEMPTION_RECORDED, null,
                decision + " exemption, USD " + waived.toPlainString() + " of duties and taxes waived (without"
                        + " exemption: " + forgone.describe() + ")");
        return waived;
    }
}
