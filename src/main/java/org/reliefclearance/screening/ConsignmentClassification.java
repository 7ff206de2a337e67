package org.reliefclearance.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.springframework.stereotype.Service;

/** Classifies every line of a consignment and stores its treatment and every authority that must approve it. */
@Service
public class ConsignmentClassification {

    private final GoodsClassification rules;
    private final ConsignmentRepository consignments;

    ConsignmentClassification(GoodsClassification rules, ConsignmentRepository consignments) {
        this.rules = rules;
        this.consignments = consignments;
    }

    /**
     * @param requiredAuthorities distinct authority codes in line order, one review each
     * @param prohibitionReason   null when no line is prohibited
     */
    public record Outcome(List<String> requiredAuthorities, String prohibitionReason, boolean dutiableLines,
                          List<ConsignmentLine> lines) {

        public boolean prohibited() {
            return prohibitionReason != null;
        }

        /** Nothing but prohibited goods: nothing is left to clear. */
        public boolean allProhibited() {
            return !lines.isEmpty() && lines.stream().allMatch(l -> Treatment.PROHIBITED.name().equals(l.treatment()));
        }
    }

    public Outcome classify(String reference) {
        return classify(reference, null);
    }

    /**
     * Classifies only these lines (an amendment), every line when null. The outcome's authorities are
     * those of the lines classified; its lines are all the case's lines.
     */
    public Outcome classify(String reference, Collection<Integer> lineNos) {
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        Set<String> authorities = new LinkedHashSet<>();
        List<String> prohibitions = new ArrayList<>();
        boolean dutiable = false;
        for (ConsignmentLine line : consignments.lines(consignment.id())) {
            if (lineNos != null && !lineNos.contains(line.lineNo())) {
                continue;
            }
            GoodsRequirement c = rules.classify(line.hsCode(), line.category()).orElseThrow(() ->
                    new IllegalStateException("goods-classification has no rule for HS " + line.hsCode()));
            if (c.permitRequired() && c.approvals().isEmpty()) {
                // a permit nobody may grant would hold the line for ever: stop here, an incident the
                // process owner resolves by correcting goods-approvals.dmn and retrying the step
                throw new IllegalStateException("goods-approvals names no authority for line " + line.lineNo()
                        + " (HS " + line.hsCode() + ", " + line.category() + "), which goods-classification says"
                        + " needs a permit");
            }
            consignments.classifyLine(line.id(), c.treatment(), c.authorities());
            authorities.addAll(c.authorities());
            if (Treatment.PROHIBITED.name().equals(c.treatment())) {
                prohibitions.add("line " + line.lineNo() + " (" + line.description() + ", HS " + line.hsCode() + "): "
                        + c.reason());
                // refused from the case, never released; the port records what becomes of it
                consignments.refuseLine(line.id(), "Prohibited: " + c.reason());
            }
            dutiable |= Treatment.DUTIABLE.name().equals(c.treatment());
        }
        List<ConsignmentLine> classified = consignments.lines(consignment.id());
        String prohibitionReason = prohibitions.isEmpty() ? null : "Prohibited goods: " + String.join("; ", prohibitions);
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.LINES_CLASSIFIED, null, summary(classified, authorities));
        return new Outcome(List.copyOf(authorities), prohibitionReason, dutiable, classified);
    }

    private static String summary(List<ConsignmentLine> lines, Set<String> authorities) {
        StringBuilder s = new StringBuilder();
        for (ConsignmentLine l : lines) {
            s.append("line ").append(l.lineNo()).append(' ').append(l.treatment());
            if (!l.authorities().isEmpty()) {
                s.append(" (").append(String.join(", ", l.authorities())).append(')');
            }
            s.append("; ");
        }
        s.append("permits from: ").append(authorities.isEmpty() ? "none" : String.join(", ", authorities));
        return s.length() <= 2000 ? s.toString() : s.substring(0, 2000);
    }
}
