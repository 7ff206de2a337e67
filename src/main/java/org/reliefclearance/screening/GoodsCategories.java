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
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The goods categories a notification may declare: those the goods-classification rules know, the
 * allowed values of the decision's category input. The decision is their one home; a process owner
 * who adds a category to it (and a rule) widens what the API and the start form accept.
 */
@Component
public class GoodsCategories {

    private static final String CATEGORY_INPUT = "category";
    private static final String REQUEST_ATTRIBUTE = GoodsCategories.class.getName();

    private final RepositoryService repository;
    private final ServiceReads reads;
    private final Map<String, List<String>> byDefinition = new ConcurrentHashMap<>();

    GoodsCategories(RepositoryService repository, ServiceReads reads) {
        this.repository = repository;
        this.reads = reads;
    }

    /**
     * The categories of the latest deployed goods-classification decision. A request asks the
     * database once, however many lines it declares; the next request sees a decision deployed
     * meanwhile, on any node.
     */
    public List<String> all() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return latest();
        }
        @SuppressWarnings("unchecked")
        List<String> asked = (List<String>) request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (asked == null) {
            asked = latest();
            request.setAttribute(REQUEST_ATTRIBUTE, asked, RequestAttributes.SCOPE_REQUEST);
        }
        return asked;
    }

    private List<String> latest() {
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
