package org.reliefclearance.review;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * After every ministry has reviewed: which lines may be released. Lines that need no permit are
 * releasable; a permit line is releasable when its authority approved it.
 */
@Service
public class ReviewOutcomes {


    private final ConsignmentRepository consignments;
    private final JdbcClient jdbc;

    ReviewOutcomes(ConsignmentRepository consignments, JdbcClient jdbc) {
        this.consignments = consignments;
        this.jdbc = jdbc;
    }

    public record Summary(ReviewOutcome outcome, String text, List<ConsignmentLine> lines) {
    }

    /** Decides whether all, some or none of the lines may be released, and notes it in the timeline. */
    public Summary summarise(String reference) {
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        Map<String, String> reviews = reviewStatusByAuthority(consignment.id());
        List<ConsignmentLine> lines = consignments.lines(consignment.id());
        List<ConsignmentLine> releasable = lines.stream().filter(l -> releasable(l, reviews)).toList();

        ReviewOutcome outcome = releasable.isEmpty() ? ReviewOutcome.ALL_REJECTED
                : releasable.size() == lines.size() ? ReviewOutcome.ALL_APPROVED : ReviewOutcome.PARTIAL;
        String text = "%s: %d of %d lines may be released (USD %s); reviews: %s".formatted(outcome,
                releasable.size(), lines.size(), total(releasable).toPlainString(),
                reviews.isEmpty() ? "none" : reviews);
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.REVIEWS_SUMMARISED, null, text);
        return new Summary(outcome, text, lines);
    }

    /** Value of the lines that may be released: what a full exemption waives. */
    public BigDecimal releasableValue(String reference) {
        return total(releasableLines(reference));
    }

    /** The lines that may be released: no permit needed, or their authority approved them. */
    public List<ConsignmentLine> releasableLines(String reference) {
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        Map<String, String> reviews = reviewStatusByAuthority(consignment.id());
        return consignments.lines(consignment.id()).stream().filter(l -> releasable(l, reviews)).toList();
    }

    /** Where a line stands between its review and its release. */
    public enum LineState {
        /** Its authority has not decided yet. */
        AWAITING_REVIEW,
        /** Needs no permit, or its authority approved it; not released yet. */
        READY,
        RELEASED,
        /** Its authority refused it. */
        REFUSED
    }

    /** Every line of the case with its state, in line order. */
    public Map<ConsignmentLine, LineState> lineStates(String reference) {
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        Map<String, String> reviews = reviewStatusByAuthority(consignment.id());
        Map<ConsignmentLine, LineState> states = new LinkedHashMap<>();
        for (ConsignmentLine line : consignments.lines(consignment.id())) {
            states.put(line, state(line, reviews));
        }
        return states;
    }

    static LineState state(ConsignmentLine line, Map<String, String> reviewStatusByAuthority) {
        if (line.releaseNumber() != null) {
            return LineState.RELEASED;
        }
        if (releasable(line, reviewStatusByAuthority)) {
            return LineState.READY;
        }
        return "REJECTED".equals(line.reviewStatus())
                || "REJECTED".equals(reviewStatusByAuthority.get(line.authorityCode()))
                ? LineState.REFUSED : LineState.AWAITING_REVIEW;
    }

    static boolean releasable(ConsignmentLine line, Map<String, String> reviewStatusByAuthority) {
        if (line.authorityCode() == null) {
            return true;
        }
        if (line.reviewStatus() != null && !"PENDING".equals(line.reviewStatus())) {
            return "APPROVED".equals(line.reviewStatus());
        }
        // a review approved in full may leave its lines' own status untouched
        return "APPROVED".equals(reviewStatusByAuthority.get(line.authorityCode()));
    }

    private Map<String, String> reviewStatusByAuthority(long consignmentId) {
        return jdbc.sql("select authority_code, status from authority_review where consignment_id = ?")
                .param(consignmentId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static BigDecimal total(List<ConsignmentLine> lines) {
        return lines.stream().map(ConsignmentLine::valueUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
