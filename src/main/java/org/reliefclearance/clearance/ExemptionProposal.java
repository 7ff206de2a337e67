package org.reliefclearance.clearance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.enginetuning.RuleLookups;
import org.reliefclearance.exemption.DutiesAndTaxes;
import org.reliefclearance.exemption.Exemptions;
import org.reliefclearance.modelguard.ModelBean;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Start of Task_DecideExemption ({@code ${exemptionProposal.propose(execution)}}): what each line that
 * may be released would pay without an exemption, per tax, and the legal basis the service suggests;
 * Customs HQ decides line by line and tax by tax.
 */
@ModelBean
@Component("exemptionProposal")
public class ExemptionProposal {

    private final Exemptions exemptions;
    private final ObjectMapper json;

    ExemptionProposal(Exemptions exemptions, ObjectMapper json) {
        this.exemptions = exemptions;
        this.json = json;
    }

    public void propose(DelegateExecution execution) throws JsonProcessingException {
        String reference = Vars.CONSIGNMENT_REFERENCE.get(execution);
        // what Customs HQ is shown before deciding; the decision's own figures are evaluated when it is
        // recorded, and the timeline keeps them
        DutiesAndTaxes forgone = RuleLookups.lookUp(() -> exemptions.forgoneByFullExemption(reference));
        Vars.DUTIES_AND_TAXES_USD.set(execution, forgone.total());
        Vars.DUTIES_AND_TAXES_DETAIL.set(execution, forgone.describe());

        List<Exemptions.LineDuties> lines = RuleLookups.lookUp(() -> exemptions.proposal(reference));
        List<Map<String, Object>> rows = lines.stream().map(ExemptionProposal::row).toList();
        List<Map<String, String>> options = lines.stream()
                .map(l -> Map.of("label", l.lineNo() + ": " + l.description(), "value", String.valueOf(l.lineNo())))
                .toList();
        Vars.EXEMPTION_LINES.set(execution, SpinValues.jsonValue(json.writeValueAsString(rows)).create());
        Vars.EXEMPTION_LINE_OPTIONS.set(execution, SpinValues.jsonValue(json.writeValueAsString(options)).create());
        if (Vars.EXEMPTION_LEGAL_BASIS.get(execution) == null) {
            Vars.EXEMPTION_LEGAL_BASIS.set(execution, exemptions.suggestedLegalBasis(reference));
        }
    }

    private static Map<String, Object> row(Exemptions.LineDuties l) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("lineNo", l.lineNo());
        row.put("description", l.description());
        row.put("hsCode", l.hsCode());
        row.put("importDuty", l.duties().importDuty());
        row.put("excise", l.duties().excise());
        row.put("vat", l.duties().vat());
        row.put("total", l.duties().total());
        return row;
    }
}
