package org.reliefclearance.exemption;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.emergency.EmergencyState;
import org.reliefclearance.review.ReviewOutcomes;
import org.reliefclearance.review.ReviewOutcomes.LineState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Customs HQ's waiver of duties and taxes, line by line and tax by tax, with its legal basis. The amount
 * waived is the revenue forgone (duty-rates.dmn), not the goods' value, and counts only what is released.
 */
@Service
public class Exemptions {

    /** One line as Customs HQ sees it: what it would pay without an exemption. */
    public record LineDuties(int lineNo, String description, String hsCode, DutiesAndTaxes duties) {
    }

    private final ConsignmentMilestones milestones;
    private final ConsignmentRepository consignments;
    private final ReviewOutcomes reviews;
    private final DutyRates rates;
    private final JdbcClient jdbc;
    private final EmergencyState emergencies;

    Exemptions(ConsignmentMilestones milestones, ConsignmentRepository consignments, ReviewOutcomes reviews,
               DutyRates rates, JdbcClient jdbc, EmergencyState emergencies) {
        this.milestones = milestones;
        this.consignments = consignments;
        this.reviews = reviews;
        this.rates = rates;
        this.jdbc = jdbc;
        this.emergencies = emergencies;
    }

    /**
     * The lines that may still be released and what each would pay: decided while ministries review,
     * so lines awaiting review count; refused ones do not.
     */
    public List<LineDuties> proposal(String reference) {
        return candidates(reference).stream()
                .map(l -> new LineDuties(l.lineNo(), l.description(), l.hsCode(), rates.of(l))).toList();
    }

    /** The most Customs HQ can waive: every tax of every line that may still be released. */
    public DutiesAndTaxes forgoneByFullExemption(String reference) {
        return rates.of(candidates(reference));
    }

    /** What the chosen taxes of the chosen lines come to. */
    public BigDecimal forgone(String reference, Collection<Integer> lineNos, Collection<Tax> taxes) {
        return candidates(reference).stream().filter(l -> lineNos.contains(l.lineNo()))
                .map(l -> rates.of(l).only(taxes).total()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The basis the service proposes: the emergency while one in force covers the consignment's destination,
     * else the organisation's agreement.
     */
    public LegalBasis suggestedLegalBasis(String reference) {
        return emergencies.coversConsignment(reference) ? LegalBasis.EMERGENCY_DECLARATION : LegalBasis.ORGANISATION_AGREEMENT;
    }

    /**
     * Records the decision on each line (which taxes it is exempt from) and on the case.
     *
     * @param lineNos for a partial exemption, the lines exempted
     * @param taxes   for a partial exemption, the taxes waived on them
     * @param ceiling for a partial exemption, an amount Customs HQ set below the computed one, or null
     * @return the duties and taxes waived if every line that may be released is released
     */
    public BigDecimal record(String reference, ExemptionDecision decision, LegalBasis basis,
                             Collection<Integer> lineNos, Collection<Tax> taxes, BigDecimal ceiling) {
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        List<ConsignmentLine> candidates = candidates(reference);
        Map<Integer, Set<Tax>> exempted = new LinkedHashMap<>();
        // each line's duties, evaluated once: for the amount waived and for the timeline's "without exemption"
        Map<Integer, DutiesAndTaxes> duties = dutiesOf(candidates);
        for (ConsignmentLine line : candidates) {
            Set<Tax> lineTaxes = switch (decision) {
                case FULL -> EnumSet.allOf(Tax.class);
                case PARTIAL -> lineNos.contains(line.lineNo()) && !taxes.isEmpty() ? EnumSet.copyOf(taxes)
                        : EnumSet.noneOf(Tax.class);
                case NONE -> EnumSet.noneOf(Tax.class);
            };
            exempted.put(line.lineNo(), lineTaxes);
            jdbc.sql("update consignment_line set exempted_taxes = ? where consignment_id = ? and line_no = ?")
                    .params(lineTaxes.isEmpty() ? null : lineTaxes.stream().map(Tax::name).collect(Collectors.joining(",")),
                            consignment.id(), line.lineNo()).update();
        }
        BigDecimal computed = waived(duties, exempted);
        BigDecimal waived = ceiling != null && decision == ExemptionDecision.PARTIAL ? ceiling.min(computed) : computed;
        milestones.exemptionDecided(reference, decision.name(), waived);
        jdbc.sql("update consignment set exemption_legal_basis = ? where id = ?")
                .params(decision == ExemptionDecision.NONE || basis == null ? null : basis.name(), consignment.id())
                .update();
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.EXEMPTION_RECORDED, null,
                decision + " exemption" + (basis == null || decision == ExemptionDecision.NONE ? "" : " (" + basis + ")")
                        + ", USD " + waived.toPlainString() + " of duties and taxes waived"
                        + describe(exempted) + " (without exemption: "
                        + duties.values().stream().reduce(DutiesAndTaxes.NONE, DutiesAndTaxes::plus).describe() + ")");
        return waived;
    }

    /** A full exemption covers lines an amendment changed or added too; a partial one only the lines it named. */
    public void extendToAmendedLines(String reference, Collection<Integer> lineNos) {
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        if (!ExemptionDecision.FULL.name().equals(consignment.exemptionDecision())) {
            return;
        }
        for (Integer lineNo : lineNos) {
            jdbc.sql("update consignment_line set exempted_taxes = ? where consignment_id = ? and line_no = ?")
                    .params("IMPORT_DUTY,EXCISE,VAT", consignment.id(), lineNo).update();
        }
    }

    /**
     * After each release: the amount waived is what the lines released so far would have paid in the
     * taxes they are exempt from, at most the amount decided. Refused lines waive nothing.
     */
    public BigDecimal settle(String reference, BigDecimal decided) {
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        List<ConsignmentLine> released = reviews.lineStates(reference).entrySet().stream()
                .filter(e -> e.getValue() == LineState.RELEASED).map(Map.Entry::getKey).toList();
        BigDecimal waived = waived(dutiesOf(released), exemptedTaxes(consignment.id()));
        if (decided != null) {
            waived = waived.min(decided);
        }
        milestones.exemptionDecided(reference, consignment.exemptionDecision(), waived);
        return waived;
    }

    /** What each line would pay without exemption, by line number. */
    private Map<Integer, DutiesAndTaxes> dutiesOf(List<ConsignmentLine> lines) {
        Map<Integer, DutiesAndTaxes> duties = new LinkedHashMap<>();
        lines.forEach(line -> duties.put(line.lineNo(), rates.of(line)));
        return duties;
    }

    /** The taxes each line is exempt from, of what it would pay. */
    private static BigDecimal waived(Map<Integer, DutiesAndTaxes> duties, Map<Integer, Set<Tax>> exempted) {
        return duties.entrySet().stream()
                .map(d -> d.getValue().only(exempted.getOrDefault(d.getKey(), Set.of())).total())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Map<Integer, Set<Tax>> exemptedTaxes(long consignmentId) {
        Map<Integer, Set<Tax>> result = new LinkedHashMap<>();
        jdbc.sql("select line_no, exempted_taxes from consignment_line where consignment_id = ? order by line_no")
                .param(consignmentId).query((rs, n) -> {
                    String taxes = rs.getString(2);
                    result.put(rs.getInt(1), taxes == null ? Set.of() : Arrays.stream(taxes.split(","))
                            .map(Tax::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Tax.class))));
                    return null;
                }).list();
        return result;
    }

    private List<ConsignmentLine> candidates(String reference) {
        return reviews.lineStates(reference).entrySet().stream()
                .filter(e -> e.getValue() != LineState.REFUSED).map(Map.Entry::getKey).toList();
    }

    private static String describe(Map<Integer, Set<Tax>> exempted) {
        List<String> parts = new ArrayList<>();
        exempted.forEach((line, taxes) -> {
            if (!taxes.isEmpty()) {
                parts.add("line " + line + ": " + taxes.stream().map(Tax::name).collect(Collectors.joining("+")));
            }
        });
        return parts.isEmpty() ? "" : " on " + String.join(", ", parts);
    }
}
