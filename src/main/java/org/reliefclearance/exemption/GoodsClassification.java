package org.reliefclearance.exemption;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.consignment.ClearanceProcess;
import org.springframework.stereotype.Service;

/** One line through the {@code goods-classification} decision: which treatment, which ministry. */
@Service
public class GoodsClassification {

    public static final String PERMIT_REQUIRED = "PERMIT_REQUIRED";
    public static final String PROHIBITED = "PROHIBITED";
    public static final String DUTIABLE = "DUTIABLE";
    public static final String RELIEF_EXEMPT = "RELIEF_EXEMPT";

    private final DecisionService decisions;

    GoodsClassification(DecisionService decisions) {
        this.decisions = decisions;
    }

    public record Classification(String treatment, String authority, String documents, String reason) {
    }

    public Classification classify(String hsCode, String category) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey(ClearanceProcess.Decisions.GOODS_CLASSIFICATION)
                .variables(Variables.createVariables().putValue("hsCode", hsCode).putValue("category", category))
                .evaluate();
        Map<String, Object> row = result.getSingleResult().getEntryMap();
        return new Classification((String) row.get("treatment"), (String) row.get("authority"),
                (String) row.get("documents"), (String) row.get("reason"));
    }
}
