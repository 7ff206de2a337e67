package org.reliefclearance.screening;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.identity.ServiceReads;
import org.springframework.stereotype.Service;

/**
 * The one caller of the {@code goods-classification} decision: which treatment some goods get, which
 * ministry approves them and which documents they need. The rules are public: anyone may ask.
 */
@Service
public class GoodsClassification {

    /** The decision's key in bpmn/goods-classification.dmn. */
    public static final String DECISION = "goods-classification";

    private final DecisionService decisions;
    private final ServiceReads reads;

    GoodsClassification(DecisionService decisions, ServiceReads reads) {
        this.decisions = decisions;
        this.reads = reads;
    }

    /** Empty when no rule covers the goods. */
    public Optional<GoodsRequirement> classify(String hsCode, String category) {
        DmnDecisionResultEntries first = reads.read(() -> decisions
                .evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables().putValue("hsCode", hsCode).putValue("category", category))
                .evaluate().getFirstResult());
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(new GoodsRequirement(first.getEntry("treatment"), first.getEntry("authority"),
                split(first.getEntry("documents")), first.getEntry("reason")));
    }

    private static List<String> split(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
