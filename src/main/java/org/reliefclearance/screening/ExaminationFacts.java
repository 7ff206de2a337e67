package org.reliefclearance.screening;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.modelguard.ModelBean;
import org.reliefclearance.review.AuthorityReview;
import org.reliefclearance.review.AuthorityReviewRepository;
import org.reliefclearance.review.Permit;
import org.springframework.stereotype.Component;

/**
 * What the {@code examination-risk} decision weighs, for the clearance's business rule task
 * ({@code ${examinationFacts.firstConsignment(consignmentReference)}}, ...), and the timeline entry of
 * its recommendation. Physical examination is the exception: the port officer decides, with a reason.
 */
@ModelBean
@Component("examinationFacts")
public class ExaminationFacts {

    private final ConsignmentRepository consignments;
    private final ConsignmentMilestones milestones;
    private final AuthorityReviewRepository reviews;

    ExaminationFacts(ConsignmentRepository consignments, ConsignmentMilestones milestones,
                     AuthorityReviewRepository reviews) {
        this.consignments = consignments;
        this.milestones = milestones;
        this.reviews = reviews;
    }

    /** A ministry granted its permit on condition that the port inspects the goods on arrival. */
    public boolean inspectionOnArrival(String reference) {
        return reviews.ofConsignment(consignment(reference).id()).stream()
                .map(AuthorityReview::permitConditions)
                .anyMatch(conditions -> conditions != null
                        && List.of(conditions.split(",")).contains(Permit.INSPECTION_ON_ARRIVAL));
    }

    /** No consignment of the organisation has been released before. */
    public boolean firstConsignment(String reference) {
        return milestones.releasedCount(consignment(reference).organisationCode()) == 0;
    }

    public boolean hasDutiableLines(String reference) {
        return lines(reference).stream().anyMatch(l -> Treatment.DUTIABLE.name().equals(l.treatment()));
    }

    public double totalValueUsd(String reference) {
        return lines(reference).stream().map(ConsignmentLine::valueUsd).reduce(BigDecimal.ZERO, BigDecimal::add)
                .doubleValue();
    }

    /** The recommendation on the timeline, as the port officer will read it. */
    public void record(DelegateExecution execution, String reference, boolean examinationRecommended, String reason) {
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.RISK_ASSESSED, null,
                (examinationRecommended ? "Examination recommended: " : "Release recommended: ") + reason);
    }

    private Consignment consignment(String reference) {
        return consignments.findByReference(reference).orElseThrow();
    }

    private List<ConsignmentLine> lines(String reference) {
        return consignments.lines(consignment(reference).id());
    }
}
