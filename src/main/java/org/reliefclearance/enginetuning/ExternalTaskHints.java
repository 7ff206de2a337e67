package org.reliefclearance.enginetuning;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces each external task as the engine creates it ({@link ExternalTaskCreated}), the way
 * Camunda's job executor is told of a new job, so that the hand-off to the customs system starts
 * when its step commits rather than at the worker's next poll (README, "Performance"). The hint
 * is a listener the parser adds to every external service task, in no model file; it runs even
 * where custom listeners are skipped. A hint lost (a node stopping) costs one poll interval.
 */
@Component
class ExternalTaskHints extends AbstractProcessEnginePlugin {

    private final ApplicationEventPublisher events;

    ExternalTaskHints(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseServiceTask(Element serviceTask, ScopeImpl scope, ActivityImpl activity) {
                String topic = serviceTask.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "topic");
                if ("external".equals(serviceTask.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "type"))
                        && topic != null) {
                    ExecutionListener announce = execution -> events.publishEvent(new ExternalTaskCreated(topic));
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, announce);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
