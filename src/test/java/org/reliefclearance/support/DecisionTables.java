package org.reliefclearance.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A decision table of bpmn/ on a plain DMN engine, as the process engine evaluates it (FEEL), with
 * the rules that matched each evaluation: a decision test needs no Spring context and no database.
 */
public final class DecisionTables {

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final List<DmnDecisionTableEvaluationEvent> evaluations = new ArrayList<>();

    public DecisionTables(String file, String decisionKey) {
        DefaultDmnEngineConfiguration config =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        config.customPostDecisionTableEvaluationListeners(List.of(evaluations::add));
        engine = config.buildEngine();
        try (InputStream dmn = Files.newInputStream(Path.of(file))) {
            decision = engine.parseDecision(decisionKey, dmn);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    public DmnDecisionResult evaluate(Map<String, Object> inputs) {
        return engine.evaluateDecision(decision, Variables.fromMap(inputs));
    }

    /** The ids of the rules that matched the last evaluation. */
    public List<String> matchedRules() {
        return evaluations.get(evaluations.size() - 1).getMatchingRules().stream()
                .map(DmnEvaluatedDecisionRule::getId).toList();
    }
}
