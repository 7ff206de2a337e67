package org.reliefclearance.review;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * After the ministries have reviewed: which lines may be released. Lines that need no permit are
 * releasable; a permit line is releasable when every authority it needs approved it (its combined
 * review status), and refused as soon as one of them refused it.
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
        Map<Long, Map<String, String>> decisions = lineDecisions(consignment.id());
        List<ConsignmentLine> lines = consignments.lines(consignment.id());
        List<ConsignmentLine> releasable = lines.stream()
                .filter(l -> decided(l, decisions, reviews) == Decided.APPROVED).toList();

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

    /** The lines that may be released: no permit needed, or every authority they need approved them. */
    public List<ConsignmentLine> releasableLines(String reference) {
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        Map<String, String> reviews = reviewStatusByAuthority(consignment.id());
        Map<Long, Map<String, String>> decisions = lineDecisions(consignment.id());
        return consignments.lines(consignment.id()).stream()
                .filter(l -> decided(l, decisions, reviews) == Decided.APPROVED).toList();
    }

    /** Where a line stands between its review and its release. */
    public enum LineState {
        /** One of its authorities has not decided yet, and none refused it. */
        AWAITING_REVIEW,
        /** Needs no permit, or every authority it needs approved it; not released yet. */
        READY,
        RELEASED,
        /** One of its authorities refused it. */
        REFUSED
    }

    /** Every line of the case with its state, in line order. */
    public Map<ConsignmentLine, LineState> lineStates(String reference) {
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        Map<String, String> reviews = reviewStatusByAuthority(consignment.id());
        Map<Long, Map<String, String>> decisions = lineDecisions(consignment.id());
        Map<ConsignmentLine, LineState> states = new LinkedHashMap<>();
        for (ConsignmentLine line : consignments.lines(consignment.id())) {
            states.put(line, state(decided(line, decisions, reviews), line));
        }
        return states;
    }

    /** A line's state from its own combined review status (and its authorities' reviews while it is pending). */
    static LineState state(ConsignmentLine line, Map<String, String> reviewStatusByAuthority) {
        return state(decided(line, combinedOnly(line), reviewStatusByAuthority), line);
    }

    /** Whether a line may be released, from its own combined review status and its authorities' reviews. */
    static boolean releasable(ConsignmentLine line, Map<String, String> reviewStatusByAuthority) {
        return decided(line, combinedOnly(line), reviewStatusByAuthority) == Decided.APPROVED;
    }

    private enum Decided { APPROVED, REJECTED, PENDING }

    private static LineState state(Decided decided, ConsignmentLine line) {
        if (line.releaseNumber() != null) {
            return LineState.RELEASED;
        }
        return switch (decided) {
            case APPROVED -> LineState.READY;
            case REJECTED -> LineState.REFUSED;
            case PENDING -> LineState.AWAITING_REVIEW;
        };
    }

    /**
     * The line's decision over all its authorities: refused once one refused, approved when all
     * approved. An authority's decision is the one on the line; while that is pending, a review the
     * authority approved (or refused) in full stands for it, as a review may leave its lines untouched.
     */
    private static Decided decided(ConsignmentLine line, Map<Long, Map<String, String>> lineDecisions,
                                   Map<String, String> reviewStatusByAuthority) {
        // refused, by an authority or before any review (prohibited goods)
        if ("REJECTED".equals(line.reviewStatus())) {
            return Decided.REJECTED;
        }
        if (line.authorities().isEmpty()) {
            return Decided.APPROVED;
        }
        // a line without line_authority rows (written before them) has only its combined status to tell
        Map<String, String> own = lineDecisions.containsKey(line.id()) ? lineDecisions.get(line.id())
                : combinedOnly(line).getOrDefault(line.id(), Map.of());
        boolean allApproved = true;
        for (String authority : line.authorities()) {
            String status = own.get(authority);
            if (status == null || "PENDING".equals(status)) {
                status = reviewStatusByAuthority.get(authority);
            }
            if ("REJECTED".equals(status)) {
                return Decided.REJECTED;
            }
            allApproved &= "APPROVED".equals(status);
        }
        return allApproved ? Decided.APPROVED : Decided.PENDING;
    }

    /** The line's combined status as each authority's decision: all a line read alone can tell. */
    private static Map<Long, Map<String, String>> combinedOnly(ConsignmentLine line) {
        if (line.reviewStatus() == null) {
            return Map.of();
        }
        Map<String, String> each = new LinkedHashMap<>();
        line.authorities().forEach(a -> each.put(a, line.reviewStatus()));
        return Map.of(line.id(), each);
    }

    private Map<String, String> reviewStatusByAuthority(long consignmentId) {
        return jdbc.sql("select authority_code, status from authority_review where consignment_id = ?")
                .param(consignmentId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** line id → authority → what that authority decided on the line (line_authority). */
    private Map<Long, Map<String, String>> lineDecisions(long consignmentId) {
        Map<Long, Map<String, String>> decisions = new HashMap<>();
        jdbc.sql("""
                select a.line_id, a.authority_code, a.review_status from line_authority a
                join consignment_line l on l.id = a.line_id where l.consignment_id = ?""")
                .param(consignmentId)
                .query((RowCallbackHandler) rs -> decisions.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                        .put(rs.getString(2), rs.getString(3)));
        return decisions;
    }

    private static BigDecimal total(List<ConsignmentLine> lines) {
        return lines.stream().map(ConsignmentLine::valueUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
