package org.reliefclearance.screening;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.reliefclearance.identity.ServiceReads;
import org.springframework.stereotype.Component;

/**
 * The goods categories a notification may declare: those the goods-classification rules know, the
 * allowed values of the decision's category input. The decision is their one home; a process owner
 * who adds a category to it (and a rule) widens what the API and the start form accept.
 */
@Component
public class GoodsCategories {

    private static final String CATEGORY_INPUT = "category";

    private final RepositoryService repository;
    private final ServiceReads reads;
    private final Map<String, List<String>> byDefinition = new ConcurrentHashMap<>();

    GoodsCategories(RepositoryService repository, ServiceReads reads) {
        this.repository = repository;
        this.reads = reads;
    }

    /** The categories of the latest deployed goods-classification decision. */
    public List<String> all() {
        DecisionDefinition latest = reads.read(() -> repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(GoodsClassification.DECISION).latestVersion().singleResult());
        return byDefinition.computeIfAbsent(latest.getId(), id -> categories(
                reads.read(() -> repository.getDmnModelInstance(id))));
    }

    static List<String> categories(DmnModelInstance model) {
        return model.getModelElementsByType(Input.class).stream()
                .filter(input -> CATEGORY_INPUT.equals(input.getInputExpression().getText().getTextContent().strip()))
                .findFirst()
                .map(input -> Arrays.stream(input.getInputValues().getText().getTextContent().split(","))
                        .map(value -> value.strip().replace("\"", "")).filter(value -> !value.isEmpty()).toList())
                .orElseThrow(() -> new IllegalStateException(GoodsClassification.DECISION
                        + " has no category input with allowed values"));
    }
}
