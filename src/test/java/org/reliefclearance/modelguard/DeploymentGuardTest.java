package org.reliefclearance.modelguard;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deployment guard's rules, one model per rule, without an engine. */
class DeploymentGuardTest {

    private static final String EXEC = "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}";

    private final DeploymentGuard guard = new DeploymentGuard(
            new BpmnRules(new ExpressionAllowList(RepositoryModels.applicationBeans())), new DmnRules());

    @Test
    void acceptsEveryModelDecisionAndFormOfTheRepository() {
        List<Path> files = RepositoryModels.files(".bpmn", ".dmn", ".form");
        assertThat(files).extracting(Path::toString).contains("bpmn/goods-classification.dmn",
                "forms/review-permit.form", "src/test/resources/reporting/line-ministry-review-timing.bpmn");
        for (Path file : files) {
            assertThatCode(() -> guard.check(file.toString(), RepositoryModels.read(file))).as(file.toString())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void acceptsAHarmlessModel() {
        BpmnModelInstance model = process().userTask("Task_Review").camundaCandidateGroups("${reviewGroup}")
                .camundaFormRef("review-permit").serviceTask("Task_Record").camundaDelegateExpression("${closeCase}")
                .serviceTask("Task_Work").camundaExternalTask("work").endEvent().done();

        assertThatCode(() -> guard.check("harmless.bpmn", bytes(model))).doesNotThrowAnyException();
    }

    @Test
    void refusesAnExpressionOutsideTheAllowListNamingResourceElementAndExpression() {
        BpmnModelInstance model = process().serviceTask("Task_Evil").camundaExpression(EXEC).endEvent().done();

        ParseException refused = refusal("evil.bpmn", bytes(model));

        assertThat(refused.getMessage()).contains("evil.bpmn", "Task_Evil", "camunda:expression", EXEC, "getClass()");
        Problem problem = refused.getResorceReports().get(0).getErrors().get(0);
        assertThat(refused.getResorceReports().get(0).getResourceName()).isEqualTo("evil.bpmn");
        assertThat(problem.getMainElementId()).isEqualTo("Task_Evil");
    }

    @Test
    void refusesAScriptTask() {
        BpmnModelInstance model = process().scriptTask("Task_Script").scriptFormat("groovy")
                .scriptText("'id'.execute()").endEvent().done();

        assertThat(refusal("script.bpmn", bytes(model)).getMessage()).contains("Task_Script", "scriptTask");
    }

    @Test
    void refusesAScriptListenerAndAConnector() {
        String listener = """
                <bpmn:userTask id="Task_Listened">
                  <bpmn:extensionElements>
                    <camunda:taskListener event="create">
                      <camunda:script scriptFormat="javascript">java.lang.Runtime.getRuntime().exec('id')</camunda:script>
                    </camunda:taskListener>
                  </bpmn:extensionElements>
                </bpmn:userTask>""";
        String connector = """
                <bpmn:serviceTask id="Task_Connector">
                  <bpmn:extensionElements>
                    <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>""";

        assertThat(refusal("listener.bpmn", xml(listener)).getMessage()).contains("Task_Listened", "camunda:script");
        assertThat(refusal("connector.bpmn", xml(connector)).getMessage()).contains("Task_Connector", "camunda:connector");
    }

    @Test
    void refusesJavaClassesWhereverTheModelNamesThem() {
        BpmnModelInstance serviceTask = process().serviceTask("Task_Class").camundaClass("java.lang.Runtime").endEvent().done();
        BpmnModelInstance listener = process().userTask("Task_Listener")
                .camundaExecutionListenerClass("start", "org.evil.Listener").endEvent().done();
        BpmnModelInstance mapping = process().callActivity("Task_Call").calledElement("other")
                .camundaVariableMappingClass("org.evil.Mapping").endEvent().done();
        String legacyNamespace = """
                <bpmn:serviceTask id="Task_Legacy" xmlns:activiti="http://activiti.org/bpmn" activiti:class="org.evil.Task"/>""";

        assertThat(refusal("class.bpmn", bytes(serviceTask)).getMessage()).contains("Task_Class", "camunda:class");
        assertThat(refusal("listener.bpmn", bytes(listener)).getMessage()).contains("Task_Listener", "attribute class");
        assertThat(refusal("mapping.bpmn", bytes(mapping)).getMessage())
                .contains("Task_Call", "camunda:variableMappingClass");
        assertThat(refusal("legacy.bpmn", xml(legacyNamespace)).getMessage()).contains("Task_Legacy", "activiti:class");
    }

    @Test
    void refusesScriptConditionsAndExternalResources() {
        String scriptCondition = """
                <bpmn:sequenceFlow id="Flow_Scripted" sourceRef="Event_Start" targetRef="Event_End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">'id'.execute() != null</bpmn:conditionExpression>
                </bpmn:sequenceFlow>""";
        String resource = """
                <bpmn:sequenceFlow id="Flow_Resource" sourceRef="Event_Start" targetRef="Event_End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" camunda:resource="deployment://evil.groovy"/>
                </bpmn:sequenceFlow>""";

        assertThat(refusal("condition.bpmn", xml(scriptCondition)).getMessage()).contains("Flow_Scripted", "language");
        assertThat(refusal("resource.bpmn", xml(resource)).getMessage()).contains("Flow_Resource", "camunda:resource");
    }

    @Test
    void refusesEmbeddedAndGeneratedFormsButNotCamundaForms() {
        BpmnModelInstance embedded = process().userTask("Task_Embedded")
                .camundaFormKey("embedded:deployment:evil.html").endEvent().done();
        BpmnModelInstance generated = process().userTask("Task_Generated")
                .camundaFormField().camundaId("amount").camundaType("long").camundaFormFieldDone().endEvent().done();

        assertThat(refusal("embedded.bpmn", bytes(embedded)).getMessage()).contains("Task_Embedded", "camunda:formKey");
        assertThat(refusal("generated.bpmn", bytes(generated)).getMessage()).contains("Task_Generated", "camunda:formData");
    }

    @Test
    void refusesTaskTypesOtherThanExternal() {
        BpmnModelInstance mail = process().serviceTask("Task_Mail").camundaType("mail").endEvent().done();

        assertThat(refusal("mail.bpmn", bytes(mail)).getMessage()).contains("Task_Mail", "camunda:type", "'mail'");
    }

    @Test
    void refusesADelegateExpressionThatIsNotExactlyAModelBean() {
        BpmnModelInstance otherBean = process().serviceTask("Task_OtherBean")
                .camundaDelegateExpression("${dataSource}").endEvent().done();
        BpmnModelInstance listenerCall = process().userTask("Task_ListenerCall")
                .camundaExecutionListenerDelegateExpression("start", "${closeCase.execute(execution)}").endEvent().done();

        assertThat(refusal("bean.bpmn", bytes(otherBean)).getMessage())
                .contains("Task_OtherBean", "camunda:delegateExpression", "'dataSource' is not a model bean");
        assertThat(refusal("listener.bpmn", bytes(listenerCall)).getMessage())
                .contains("Task_ListenerCall", "delegateExpression", "${beanName}");
    }

    @Test
    void checksExpressionsInElementTextToo() {
        BpmnModelInstance timer = process().intermediateCatchEvent("Event_Timer")
                .timerWithDate("${execution.getProcessEngine()}").endEvent().done();
        String splitByCdata = """
                <bpmn:intermediateCatchEvent id="Event_Split">
                  <bpmn:timerEventDefinition id="TimerEventDefinition_Split">
                    <bpmn:timeDate xsi:type="bpmn:tFormalExpression">$<![CDATA[{execution.getProcessEngine()}]]></bpmn:timeDate>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>""";

        assertThat(refusal("timer.bpmn", bytes(timer)).getMessage()).contains("Event_Timer", "getProcessEngine()");
        assertThat(refusal("split.bpmn", xml(splitByCdata)).getMessage()).contains("Event_Split", "getProcessEngine()");
    }

    @Test
    void refusesADoctypeSoNoEntityIsRead() {
        String withEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1">&secret;</definitions>""";

        assertThat(refusal("entity.bpmn", withEntity.strip().getBytes(UTF_8)).getMessage()).contains("DTD");
    }

    @Test
    void decisionsMayUseFeelOnly() {
        assertThat(refusal("script.dmn", decision("", "javascript")).getMessage())
                .contains("script.dmn", "InputExpression_Amount", "expressionLanguage=\"javascript\"");
        assertThat(refusal("juel.dmn", decision(" expressionLanguage=\"juel\"", "feel")).getMessage())
                .contains("Definitions_Guard", "juel");
        assertThat(refusal("groovy.dmn", decision("", "FEEL ")).getMessage()).contains("FEEL ");

        for (String feel : List.of("feel", "FEEL", "https://www.omg.org/spec/DMN/20191111/FEEL/",
                "http://www.omg.org/spec/FEEL/20140401")) {
            assertThatCode(() -> guard.check("feel.dmn", decision(" expressionLanguage=\"" + feel + "\"", feel)))
                    .as(feel).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"case.cmmn", "evil.groovy", "form.html", "evil.js", "Process.BPMN", "notes.txt"})
    void refusesResourcesOfOtherKinds(String name) {
        assertThat(refusal(name, "anything".getBytes(UTF_8)).getMessage()).contains(name, "may be deployed");
    }

    @Test
    void acceptsDiagramsAndOnlyFormsAStepCanEnforce() {
        assertThatCode(() -> guard.check("diagram.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .doesNotThrowAnyException();
        assertThat(refusal("broken.form", "{\"components\": [".getBytes(UTF_8)).getMessage())
                .contains("broken.form", "not valid JSON");
        assertThat(refusal("framed.form", """
                {"id": "framed", "components": [{"type": "iframe", "id": "Frame", "url": "https://example.org"}]}"""
                .getBytes(UTF_8)).getMessage()).contains("framed.form", "'iframe'");
    }

    @Test
    void checksNewDeploymentsOnlyNotTheCacheRebuildingStoredOnes() {
        BpmnModelInstance evil = process().serviceTask("Task_Evil").camundaExpression(EXEC).endEvent().done();
        DeploymentEntity stored = deployment(false, "evil.bpmn", bytes(evil));
        DeploymentEntity fresh = deployment(true, "evil.bpmn", bytes(evil));

        assertThatCode(() -> guard.deploy(stored)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(() -> guard.deploy(fresh), ParseException.class)).hasMessageContaining("Task_Evil");
    }

    private ParseException refusal(String resource, byte[] content) {
        ParseException refused = catchThrowableOfType(() -> guard.check(resource, content), ParseException.class);
        assertThat(refused).as("refused " + resource).isNotNull();
        assertThat(refused.getMessage()).startsWith("Deployment refused: resource '" + resource + "'");
        return refused;
    }

    private static ProcessBuilder processBuilder() {
        return Bpmn.createExecutableProcess("guard-test");
    }

    private static org.camunda.bpm.model.bpmn.builder.StartEventBuilder process() {
        return processBuilder().camundaHistoryTimeToLive(1).startEvent("Event_Start");
    }

    private static byte[] bytes(BpmnModelInstance model) {
        return Bpmn.convertToString(model).getBytes(UTF_8);
    }

    /** A process around the given BPMN elements (flows may use Event_Start and Event_End). */
    private static byte[] xml(String elements) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Guard" targetNamespace="https://reliefclearance.org/test">
                  <bpmn:process id="guard-test" isExecutable="true">
                    <bpmn:startEvent id="Event_Start"/>
                    %s
                    <bpmn:endEvent id="Event_End"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(elements)).strip().getBytes(UTF_8);
    }

    private static byte[] decision(String definitionsLanguage, String inputLanguage) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Guard"
                    name="Guard" namespace="https://reliefclearance.org/dmn"%s>
                  <decision id="guard-decision" name="Guard">
                    <decisionTable id="DecisionTable_Guard" hitPolicy="FIRST">
                      <input id="Input_Amount" label="Amount">
                        <inputExpression id="InputExpression_Amount" typeRef="number" expressionLanguage="%s">
                          <text>amount</text>
                        </inputExpression>
                      </input>
                      <output id="Output_Large" name="large" typeRef="boolean"/>
                      <rule id="Rule_Large">
                        <inputEntry id="UnaryTests_Large"><text>&gt; 1000</text></inputEntry>
                        <outputEntry id="LiteralExpression_Large"><text>true</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>""".formatted(definitionsLanguage, inputLanguage)).strip().getBytes(UTF_8);
    }

    private static DeploymentEntity deployment(boolean isNew, String name, byte[] content) {
        ResourceEntity resource = new ResourceEntity();
        resource.setName(name);
        resource.setBytes(content);
        DeploymentEntity deployment = new DeploymentEntity();
        deployment.setNew(isNew);
        deployment.addResource(resource);
        return deployment;
    }
}
