package org.reliefclearance.clearance;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.Release;
import org.reliefclearance.customs.ReleaseRecord;
import org.reliefclearance.review.AuthorityReview;
import org.reliefclearance.review.AuthorityReviewRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The clearance decision of one release, as the customs system receives it, from the case's records. */
@Component
class ClearanceDecisions {

    private final ConsignmentRepository consignments;
    private final ConsignmentMilestones milestones;
    private final AuthorityReviewRepository reviews;
    private final JdbcClient jdbc;

    ClearanceDecisions(ConsignmentRepository consignments, ConsignmentMilestones milestones,
                       AuthorityReviewRepository reviews, JdbcClient jdbc) {
        this.consignments = consignments;
        this.milestones = milestones;
        this.reviews = reviews;
        this.jdbc = jdbc;
    }

    ReleaseRecord of(String reference, String releaseNumber) {
        Consignment c = consignments.findByReference(reference).orElseThrow();
        Release release = milestones.releases(c.id()).stream().filter(r -> r.releaseNumber().equals(releaseNumber))
                .findFirst().orElseThrow(() -> new IllegalStateException(reference + " has no release " + releaseNumber));
        Map<String, AuthorityReview> permits = reviews.ofConsignment(c.id()).stream()
                .collect(Collectors.toMap(AuthorityReview::authorityCode, Function.identity()));
        Map<Integer, String> exempted = jdbc.sql("""
                select line_no, coalesce(exempted_taxes, '') from consignment_line where consignment_id = ?""")
                .param(c.id()).query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        String basis = jdbc.sql("select exemption_legal_basis from consignment where id = ?").param(c.id())
                .query(String.class).optional().orElse(null);
        List<ReleaseRecord.Line> lines = consignments.lines(c.id()).stream()
                .filter(l -> releaseNumber.equals(l.releaseNumber()))
                .map(l -> line(l, permits, exempted.get(l.lineNo()))).toList();
        return new ReleaseRecord(c.reference(), releaseNumber, c.portCode(), c.organisationCode(), release.releasedAt(),
                release.beforeDeclaration() || c.provisionalDeclaration() ? ReleaseRecord.BEFORE_DECLARATION
                        : ReleaseRecord.NORMAL,
                c.exemptionDecision(), basis, c.emergencyCode(), lines);
    }

    private static ReleaseRecord.Line line(ConsignmentLine l, Map<String, AuthorityReview> reviews, String exempted) {
        List<ReleaseRecord.Permit> permits = l.authorities().stream().map(reviews::get).filter(r -> r != null)
                .map(r -> new ReleaseRecord.Permit(r.authorityCode(), r.permitNumber(), r.permitValidUntil(),
                        r.permitConditions())).toList();
        // what the port tallied, when it released a short-landed line as received
        return new ReleaseRecord.Line(l.lineNo(), l.description(), l.hsCode(),
                l.receivedQuantity() != null ? l.receivedQuantity() : l.quantity(), l.unit(), l.valueUsd(), l.treatment(),
                exempted == null || exempted.isEmpty() ? null : exempted, permits);
    }
}
