package org.reliefclearance.enginetuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/** Each external task the engine creates is announced with its topic; other steps are not. */
@ServiceTest
class ExternalTaskHintsTest {

    private static final String PROBE = "external-task-hint-probe";

    @Autowired
    ProcessEngine engine;
    @Autowired
    ConfigurableApplicationContext context;

    private final List<String> announced = new CopyOnWriteArrayList<>();
    private final ApplicationListener<PayloadApplicationEvent<?>> listener = event -> {
        if (event.getPayload() instanceof ExternalTaskCreated created) {
            announced.add(created.topic());
        }
    };
    private Deployment deployment;

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
        deployment = engine.getRepositoryService().createDeployment().addModelInstance(PROBE + ".bpmn",
                Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                        .startEvent("Event_Started")
                        .userTask("Task_Prepare").camundaCandidateGroups("molsw-officers")
                        .serviceTask("Task_HandOver").camundaExternalTask("hint-probe")
                        .serviceTask("Task_HandOverAgain").camundaExternalTask("hint-probe-2")
                        .endEvent("Event_Done")
                        .done()).deploy();
    }

    @AfterEach
    void stop() {
        context.removeApplicationListener(listener);
        engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }

    @Test
    void anExternalTaskIsAnnouncedWithItsTopicAsItIsCreated() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE).getId();
        assertThat(announced).as("a user task is not announced").isEmpty();

        engine.getIdentityService().setAuthentication("molsw", List.of("molsw-officers"));
        try {
            engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance)
                    .singleResult().getId());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(announced).containsExactly("hint-probe");

        var task = engine.getExternalTaskService().fetchAndLock(1, "hint-test").topic("hint-probe", 10_000).execute()
                .get(0);
        engine.getExternalTaskService().complete(task.getId(), "hint-test");
        assertThat(announced).containsExactly("hint-probe", "hint-probe-2");
    }
}
