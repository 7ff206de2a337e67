package org.reliefclearance.modelguard;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Through the real door: a process owner deploying over /engine-rest, as Camunda Modeler does;
 * and the run-time resolver on its own, as if a definition had got past the guard.
 *
 * <p>What is deployed is counted through /engine-rest too: the REST API finds its engine in
 * Camunda's static registry, which in a test JVM holding several Spring contexts may be another
 * context's engine than the one injected here.
 */
@ServiceTest
class ModelGuardIntegrationTest {

    private static final String EXEC = "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @Test
    void aProcessOwnerCannotDeployAModelThatRunsCode() throws Exception {
        String model = Bpmn.convertToString(Bpmn.createExecutableProcess("model-guard-evil").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_RunCommand").camundaExpression(EXEC).endEvent().done());
        long deployments = count("/engine-rest/deployment/count");
        long definitions = count("/engine-rest/process-definition/count");

        ResponseEntity<String> answer = deploy("owner", "evil.bpmn", model);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = new ObjectMapper().readTree(answer.getBody());
        assertThat(body.get("type").asText()).isEqualTo("ParseException");
        assertThat(body.get("message").asText()).contains("evil.bpmn", "Task_RunCommand", EXEC);
        assertThat(body.at("/details/evil.bpmn/errors/0/mainElementId").asText()).isEqualTo("Task_RunCommand");
        assertThat(count("/engine-rest/deployment/count")).isEqualTo(deployments);
        assertThat(count("/engine-rest/process-definition/count")).isEqualTo(definitions);
        assertThat(count("/engine-rest/process-definition/count?key=model-guard-evil")).isZero();
    }

    @Test
    void aProcessOwnerCannotDeployADecisionInJavaScript() {
        String decision = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Evil" name="Evil"
                    namespace="https://reliefclearance.org/dmn">
                  <decision id="model-guard-evil-decision" name="Evil">
                    <literalExpression id="LiteralExpression_Evil" expressionLanguage="javascript">
                      <text>java.lang.Runtime.getRuntime().exec('id')</text>
                    </literalExpression>
                    <variable id="InformationItem_Evil" name="result"/>
                  </decision>
                </definitions>""".strip();
        long deployments = count("/engine-rest/deployment/count");

        ResponseEntity<String> answer = deploy("owner", "evil.dmn", decision);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("LiteralExpression_Evil", "javascript");
        assertThat(count("/engine-rest/deployment/count")).isEqualTo(deployments);
        assertThat(count("/engine-rest/decision-definition/count?key=model-guard-evil-decision")).isZero();
    }

    @Test
    void aProcessOwnerDeploysAHarmlessModel() {
        String model = Bpmn.convertToString(Bpmn.createExecutableProcess("model-guard-harmless")
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Review").camundaCandidateGroups("molsw-officers")
                .camundaDueDate("${deadlines.dueAt('ENDORSEMENT', '-')}").endEvent().done());

        ResponseEntity<String> answer = deploy("owner", "harmless.bpmn", model);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(count("/engine-rest/process-definition/count?key=model-guard-harmless")).isOne();
    }

    @Test
    void atRunTimeExpressionsReachOnlyModelBeansAndTheAllowedEngineMethods() {
        ProcessInstance waiting = startWaitingInstance(Map.of("reviewSummary", "2 of 3 lines approved"));

        assertThat(evaluate("${execution.getVariable('reviewSummary')}", waiting)).isEqualTo("2 of 3 lines approved");
        assertThat(evaluate("${execution.processBusinessKey}", waiting)).isEqualTo("RC-GUARD-1");
        assertThat(evaluate("${emergencyState.isActive()}", waiting)).isEqualTo(false);

        assertThatThrownBy(() -> evaluate(EXEC, waiting)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("may not call getClass() of a java.lang.String");
        assertThatThrownBy(() -> evaluate("${execution.processEngineServices.identityService}", waiting))
                .hasMessageContaining("may not read property 'processEngineServices' of execution");
        assertThatThrownBy(() -> evaluate("${execution.getProcessEngine()}", waiting))
                .hasMessageContaining("may not call getProcessEngine() of execution");
        assertThatThrownBy(() -> evaluate("${deadlines.getClass()}", waiting))
                .hasMessageContaining("not a public method declared by org.reliefclearance.deadlines.Deadlines");
        assertThatThrownBy(() -> evaluate("${reviewSummary.class}", waiting))
                .hasMessageContaining("may not read property 'class'");
        assertThatThrownBy(() -> evaluate("${dataSource}", waiting)).hasMessageContaining("Unknown property");
    }

    private ProcessInstance startWaitingInstance(Map<String, Object> variables) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey("model-guard-waits").count() == 0) {
            repository.createDeployment().name("model-guard-waits").addModelInstance("model-guard-waits.bpmn",
                    Bpmn.createExecutableProcess("model-guard-waits").camundaHistoryTimeToLive(1)
                            .startEvent().userTask("Task_Wait").endEvent().done()).deploy();
        }
        return runtime.startProcessInstanceByKey("model-guard-waits", "RC-GUARD-1", variables);
    }

    /** Straight through the engine's expression manager, as a definition stored before the guard would be. */
    private Object evaluate(String expression, ProcessInstance instance) {
        return engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
            ExecutionEntity execution = context.getExecutionManager().findExecutionById(instance.getId());
            return engineConfiguration.getExpressionManager().createExpression(expression).getValue(execution);
        });
    }

    private long count(String path) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth("owner", "demo").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody().get("count").asLong();
    }

    private ResponseEntity<String> deploy(String user, String fileName, String content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "model-guard-test");
        form.add("data", new ByteArrayResource(content.getBytes(UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(form, headers), String.class);
    }
}
