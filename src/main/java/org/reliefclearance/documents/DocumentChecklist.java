package org.reliefclearance.documents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRules;
import org.reliefclearance.enginetuning.RuleLookups;
import org.reliefclearance.screening.GoodsClassification;
import org.springframework.stereotype.Component;

/** Which documents a consignment's goods need (the classification rules and the SOP), and which are missing. */
@Component
public class DocumentChecklist {

    private final GoodsClassification goods;
    private final ConsignmentRules rules;

    DocumentChecklist(GoodsClassification goods, ConsignmentRules rules) {
        this.goods = goods;
        this.rules = rules;
    }

    public record Checklist(List<String> required, List<String> missing) {
    }

    public Checklist of(List<ConsignmentLine> lines, List<StoredDocument> lodged) {
        Set<String> required = new LinkedHashSet<>(rules.alwaysRequiredDocuments());
        // the lines' treatment was decided when they were classified; this only reads the rules again
        RuleLookups.lookUp(() -> {
            for (ConsignmentLine line : lines) {
                goods.classify(line.hsCode(), line.category()).ifPresent(r -> required.addAll(r.documents()));
            }
            return null;
        });
        Set<String> provided = new LinkedHashSet<>();
        lodged.forEach(d -> provided.add(d.documentType()));
        return new Checklist(List.copyOf(required), required.stream().filter(t -> !provided.contains(t)).toList());
    }
}
