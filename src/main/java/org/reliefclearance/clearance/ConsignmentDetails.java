package org.reliefclearance.clearance;

import java.util.List;

import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentEvent;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.Release;
import org.reliefclearance.documents.DocumentChecklist;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.StoredDocument;
import org.reliefclearance.review.AuthorityReview;
import org.reliefclearance.review.AuthorityReviewRepository;
import org.springframework.stereotype.Service;

/** Everything known about one consignment, as its consignee and the officials follow it. */
@Service
public class ConsignmentDetails {

    private final ConsignmentRepository consignments;
    private final AuthorityReviewRepository reviews;
    private final DocumentStore documents;
    private final DocumentChecklist checklist;
    private final ConsignmentMilestones milestones;

    ConsignmentDetails(ConsignmentRepository consignments, AuthorityReviewRepository reviews, DocumentStore documents,
                       DocumentChecklist checklist, ConsignmentMilestones milestones) {
        this.milestones = milestones;
        this.consignments = consignments;
        this.reviews = reviews;
        this.documents = documents;
        this.checklist = checklist;
    }

    public record Details(Consignment consignment, List<ConsignmentLine> lines, List<AuthorityReview> reviews,
                          List<StoredDocument> documents, DocumentChecklist.Checklist checklist, List<ConsignmentEvent> timeline,
                          List<Release> releases) {
    }

    public Details of(Consignment c) {
        List<ConsignmentLine> lines = consignments.lines(c.id());
        List<StoredDocument> lodged = documents.list(c.id());
        return new Details(c, lines, reviews.ofConsignment(c.id()), lodged, checklist.of(lines, lodged),
                consignments.events(c.id()), milestones.releases(c.id()));
    }

}
