package org.reliefclearance.exemption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.identity.ServiceReads;
import org.springframework.stereotype.Service;

/**
 * The one caller of the {@code duty-rates} decision: what lines would pay without an exemption, per
 * tax. Duty on the customs value, excise on value plus duty, VAT on value plus duty plus excise.
 */
@Service
public class DutyRates {

    /** The decision's key in bpmn/duty-rates.dmn. */
    public static final String DECISION = "duty-rates";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final DecisionService decisions;
    private final ServiceReads reads;

    DutyRates(DecisionService decisions, ServiceReads reads) {
        this.decisions = decisions;
        this.reads = reads;
    }

    /** The duties and taxes the lines would pay, in USD to the cent. */
    public DutiesAndTaxes of(List<ConsignmentLine> lines) {
        DutiesAndTaxes total = DutiesAndTaxes.NONE;
        for (ConsignmentLine line : lines) {
            total = total.plus(of(line));
        }
        return total;
    }

    /** The duties and taxes one line would pay. */
    public DutiesAndTaxes of(ConsignmentLine line) {
        DmnDecisionResultEntries rates = reads.read(() -> decisions.evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables().putValue("hsCode", line.hsCode()))
                .evaluate().getFirstResult());
        if (rates == null) {
            throw new IllegalStateException(DECISION + " has no rate for HS " + line.hsCode());
        }
        BigDecimal value = line.valueUsd();
        BigDecimal duty = percent(value, rates.getEntry("importDutyPercent"));
        BigDecimal excise = percent(value.add(duty), rates.getEntry("excisePercent"));
        BigDecimal vat = percent(value.add(duty).add(excise), rates.getEntry("vatPercent"));
        return new DutiesAndTaxes(duty, excise, vat);
    }

    private static BigDecimal percent(BigDecimal base, Number rate) {
        return base.multiply(BigDecimal.valueOf(rate.doubleValue())).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}
