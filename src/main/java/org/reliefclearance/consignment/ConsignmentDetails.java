package org.reliefclearance.consignment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

/** Everything known about one consignment, as its consignee and the officials follow it. */
@Service
public class ConsignmentDetails {

    private final ConsignmentRepository consignments;
    private final ConsignmentQueries queries;
    private final DocumentStore documents;
    private final ClearanceEngine engine;
    private final ConsignmentRules rules;

    ConsignmentDetails(ConsignmentRepository consignments, ConsignmentQueries queries, DocumentStore documents,
                       ClearanceEngine engine, ConsignmentRules rules) {
        this.consignments = consignments;
        this.queries = queries;
        this.documents = documents;
        this.engine = engine;
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
        return new Details(c, lines, queries.reviews(c.id()), lodged, checklist(lines, lodged),
                consignments.events(c.id()));
    }

    private Checklist checklist(List<ConsignmentLine> lines, List<StoredDocument> lodged) {
        Set<String> required = new LinkedHashSet<>(rules.alwaysRequiredDocuments());
        for (ConsignmentLine line : lines) {
            engine.classify(line.hsCode(), line.category()).ifPresent(r -> required.addAll(r.documents()));
        }
        Set<String> provided = new LinkedHashSet<>();
        lodged.forEach(d -> provided.add(d.documentType()));
        return new Checklist(List.copyOf(required), required.stream().filter(t -> !provided.contains(t)).toList());
    }
}
