package org.reliefclearance.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.identity.ServiceReads;
import org.springframework.stereotype.Service;

/**
 * The one caller of the goods decisions: {@code goods-classification} (FIRST) says which treatment
 * some goods get and whether they need permits, {@code goods-approvals} (COLLECT) which authorities
 * must approve them and the documents each needs. The rules are public: anyone may ask.
 */
@Service
public class GoodsClassification {

    /** The decision's key in bpmn/goods-classification.dmn. */
    public static final String DECISION = "goods-classification";
    /** The decision's key in bpmn/goods-approvals.dmn. */
    public static final String APPROVALS_DECISION = "goods-approvals";

    private final DecisionService decisions;
    private final ServiceReads reads;

    GoodsClassification(DecisionService decisions, ServiceReads reads) {
        this.decisions = decisions;
        this.reads = reads;
    }

    /**
     * Empty when no rule covers the goods. A PERMIT_REQUIRED requirement without approvals means the
     * two decisions disagree; the caller that must act on it says so.
     */
    public Optional<GoodsRequirement> classify(String hsCode, String category) {
        VariableMap goods = Variables.createVariables().putValue("hsCode", hsCode).putValue("category", category);
        DmnDecisionResultEntries first = reads.read(() -> decisions.evaluateDecisionByKey(DECISION)
                .variables(goods).evaluate().getFirstResult());
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(requirement(first, () -> reads.read(() -> decisions.evaluateDecisionByKey(APPROVALS_DECISION)
                .variables(goods).evaluate())));
    }

    /**
     * The requirement from the classification's rule and, for a line needing permits only, the
     * approvals collected: a prohibition or an exemption is never overridden by an approval rule
     * that happens to match too. Documents: the treatment's, then each authority's, once each.
     */
    static GoodsRequirement requirement(DmnDecisionResultEntries classification,
                                        Supplier<DmnDecisionResult> collectApprovals) {
        String treatment = classification.getEntry("treatment");
        List<GoodsRequirement.Approval> approvals = Treatment.PERMIT_REQUIRED.name().equals(treatment)
                ? approvals(collectApprovals.get()) : List.of();
        Set<String> documents = new LinkedHashSet<>(split(classification.getEntry("documents")));
        approvals.forEach(a -> documents.addAll(a.documents()));
        return new GoodsRequirement(treatment, approvals, List.copyOf(documents), classification.getEntry("reason"));
    }

    /** One approval per authority, in rule order: an authority several rules name counts once. */
    static List<GoodsRequirement.Approval> approvals(DmnDecisionResult collected) {
        Map<String, Set<String>> documents = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (DmnDecisionResultEntries rule : collected) {
            String authority = rule.getEntry("authority");
            if (authority == null || authority.isBlank()) {
                continue;
            }
            documents.computeIfAbsent(authority, a -> new LinkedHashSet<>()).addAll(split(rule.getEntry("documents")));
            reasons.putIfAbsent(authority, rule.getEntry("reason"));
        }
        List<GoodsRequirement.Approval> approvals = new ArrayList<>();
        documents.forEach((authority, docs) ->
                approvals.add(new GoodsRequirement.Approval(authority, List.copyOf(docs), reasons.get(authority))));
        return List.copyOf(approvals);
    }

    private static List<String> split(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
