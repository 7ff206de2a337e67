package org.reliefclearance.clearance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentEvent;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentRules;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.StoredDocument;
import org.reliefclearance.review.AuthorityReview;
import org.reliefclearance.review.AuthorityReviewRepository;
import org.reliefclearance.screening.GoodsClassification;
import org.springframework.stereotype.Service;

/** Everything known about one consignment, as its consignee and the officials follow it. */
@Service
public class ConsignmentDetails {

    private final ConsignmentRepository consignments;
    private final AuthorityReviewRepository reviews;
    private final DocumentStore documents;
    private final GoodsClassification goods;
    private final ConsignmentRules rules;

    ConsignmentDetails(ConsignmentRepository consignments, AuthorityReviewRepository reviews, DocumentStore documents,
                       GoodsClassification goods, ConsignmentRules rules) {
        this.consignments = consignments;
        this.reviews = reviews;
        this.documents = documents;
        this.goods = goods;
        this.rules = rules;
    }

    public record Details(Consignment consignment, List<ConsignmentLine> lines, List<AuthorityReview> reviews,
                          List<StoredDocument> documents, Checklist checklist, List<ConsignmentEvent> timeline) {
    }

    /** Documents the rules require for these goods, and which of them are still missing. */
    public record Checklist(List<String> required, List<String> missing) {
    }

    public Details of(Consignment c) {
        List<ConsignmentLine> lines = consignments.lines(c.id());
        List<StoredDocument> lodged = documents.list(c.id());
        return new Details(c, lines, reviews.ofConsignment(c.id()), lodged, checklist(lines, lodged),
                consignments.events(c.id()));
    }

    private Checklist checklist(List<ConsignmentLine> lines, List<StoredDocument> lodged) {
        Set<String> required = new LinkedHashSet<>(rules.alwaysRequiredDocuments());
        for (ConsignmentLine line : lines) {
            goods.classify(line.hsCode(), line.category()).ifPresent(r -> required.addAll(r.documents()));
        }
        Set<String> provided = new LinkedHashSet<>();
        lodged.forEach(d -> provided.add(d.documentType()));
        return new Checklist(List.copyOf(required), required.stream().filter(t -> !provided.contains(t)).toList());
    }
}
