package org.reliefclearance.modelguard;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Through the real door: a process owner deploying over /engine-rest, as Camunda Modeler does.
 *
 * <p>What is deployed is counted through /engine-rest too: the REST API finds its engine in
 * Camunda's static registry, which in a test JVM holding several Spring contexts may be another
 * context's engine than the one injected here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ModelGuardIntegrationTest {

    private static final String EXEC = "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}";

    @Autowired
    TestRestTemplate http;

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
