package org.reliefclearance.clearance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.reliefclearance.clearance.ConsignmentDetails;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentEvent;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.documents.api.DocumentResponse;
import org.reliefclearance.review.AuthorityReview;

/** A consignment as its consignee and the officials follow it. */
record ConsignmentResponse(
        String reference,
        String organisationCode,
        String portOfEntry,
        ConsignmentStatus status,
        String statusReason,
        OffsetDateTime expectedArrival,
        OffsetDateTime arrivedAt,
        String transportDocumentType,
        String transportDocumentNumber,
        String donor,
        boolean provisionalDeclaration,
        String emergencyCode,
        List<LineView> lines,
        List<ReviewView> reviews,
        List<ReviewView> pendingReviews,
        Exemption exemption,
        Release release,
        List<ReleaseView> releases,
        DocumentsView documents,
        List<EventView> timeline,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    record LineView(int lineNo, String description, String hsCode, String category, BigDecimal quantity, String unit,
                    BigDecimal valueUsd, BigDecimal grossWeightKg, Classification classification,
                    String reviewStatus, String reviewReason, String fate, String releaseNumber,
                    BigDecimal receivedQuantity, boolean heldAtPort) {

        static LineView of(ConsignmentLine l) {
            Classification classification = l.treatment() == null ? null
                    : new Classification(l.treatment(), l.authorityCode(), l.authorities());
            return new LineView(l.lineNo(), l.description(), l.hsCode(), l.category(), l.quantity(), l.unit(),
                    l.valueUsd(), l.grossWeightKg(), classification, l.reviewStatus(), l.reviewReason(), l.fate(),
                    l.releaseNumber(), l.receivedQuantity(), l.held());
        }
    }

    /**
     * @param authority   the lead authority (the first of {@code authorities}), as before lines could need several
     * @param authorities every authority that must approve the line; its review status is theirs combined
     */
    record Classification(String treatment, String authority, List<String> authorities) {
    }

    record ReviewView(String authority, String status, OffsetDateTime dueAt, String decidedBy,
                      OffsetDateTime decidedAt, String reason, boolean tacit, PermitView permit) {

        static ReviewView of(AuthorityReview r) {
            return new ReviewView(r.authorityCode(), r.status().name(), r.dueAt(), r.decidedBy(), r.decidedAt(), r.reason(),
                    r.tacit(), r.permitNumber() == null ? null : new PermitView(r.permitNumber(), r.permitValidUntil(),
                            r.permitConditions() == null ? List.of() : List.of(r.permitConditions().split(","))));
        }
    }

    /** The permit or licence an authority granted with its approval. */
    record PermitView(String number, LocalDate validUntil, List<String> conditions) {
    }

    record Exemption(String decision, BigDecimal waivedValue) {
    }

    record Release(String releaseNumber, OffsetDateTime releasedAt) {
    }

    /**
     * One release note and what the customs system answered for it: the declaration it registered, its
     * procedure (IM4, or IM8 before the full declaration) and the release order.
     */
    record ReleaseView(String releaseNumber, OffsetDateTime releasedAt, List<Integer> lines, String declarationNumber,
                       String procedureCode, String releaseOrder) {
    }

    record DocumentsView(List<String> required, List<String> missing, List<DocumentResponse> lodged) {
    }

    record EventView(OffsetDateTime at, String actor, String event, String authority, String detail) {

        static EventView of(ConsignmentEvent e) {
            return new EventView(e.occurredAt(), e.actor(), e.eventType(), e.authorityCode(), e.detail());
        }
    }

    static ConsignmentResponse of(ConsignmentDetails.Details d) {
        Consignment c = d.consignment();
        List<ReviewView> reviews = d.reviews().stream().map(ReviewView::of).toList();
        List<ReviewView> pending = d.reviews().stream().filter(AuthorityReview::isPending).map(ReviewView::of).toList();
        Exemption exemption = c.exemptionDecision() == null ? null : new Exemption(c.exemptionDecision(), c.waivedValue());
        Release release = c.releaseNumber() == null ? null : new Release(c.releaseNumber(), c.releasedAt());
        List<DocumentResponse> lodged = d.documents().stream().map(doc -> DocumentResponse.of(c.reference(), doc)).toList();
        return new ConsignmentResponse(c.reference(), c.organisationCode(), c.portCode(), c.status(), c.statusReason(),
                c.expectedArrival(), c.arrivedAt(), c.transportDocumentType(), c.transportDocumentNumber(), c.donor(),
                c.provisionalDeclaration(), c.emergencyCode(), d.lines().stream().map(LineView::of).toList(), reviews,
                pending, exemption, release, d.releases().stream().map(r -> new ReleaseView(r.releaseNumber(),
                        r.releasedAt(), d.lines().stream().filter(l -> r.releaseNumber().equals(l.releaseNumber()))
                        .map(ConsignmentLine::lineNo).toList(), r.declarationNumber(), r.procedureCode(),
                        r.releaseOrder())).toList(),
                new DocumentsView(d.checklist().required(), d.checklist().missing(), lodged),
                d.timeline().stream().map(EventView::of).toList(), c.createdBy(), c.createdAt(), c.updatedAt());
    }
}
