package org.reliefclearance.modelguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionAllowListTest {

    private static final ModelBeans BEANS = RepositoryModels.applicationBeans();
    private final ExpressionAllowList allowList = new ExpressionAllowList(BEANS);

    @Test
    void everyExpressionOfTheRepositoryModelsIsAllowed() {
        List<Path> models = RepositoryModels.bpmnFiles();
        assertThat(models).extracting(Path::toString).contains("bpmn/relief-consignment-clearance.bpmn",
                "bpmn/line-ministry-review.bpmn", "bpmn/national-emergency.bpmn", "src/test/resources/benchmark/bench-floor.bpmn");
        List<String> expressions = models.stream().flatMap(m -> RepositoryModels.expressions(m, false).stream()).toList();

        assertThat(expressions).hasSizeGreaterThan(60)
                .contains("${consignmentStatus.set(execution, 'UNDER_REVIEW')}", "#{execution.processBusinessKey}",
                        "${execution.setVariable('emergencyActive', emergencyState.coversCase(execution))}");
        assertThat(expressions).allSatisfy(expression ->
                assertThat(allowList.refusal(expression)).as(expression).isEmpty());
    }

    @Test
    void everyDelegateExpressionOfTheRepositoryModelsNamesAModelBean() {
        List<String> delegates = RepositoryModels.bpmnFiles().stream()
                .flatMap(m -> RepositoryModels.expressions(m, true).stream()).toList();

        assertThat(delegates).hasSizeGreaterThan(20).contains("${registerConsignment}", "${recordCompletingUser}");
        assertThat(delegates).allSatisfy(delegate ->
                assertThat(allowList.delegateRefusal(delegate)).as(delegate).isEmpty());
    }

    @Test
    void modelBeansAreTheApplicationsDelegatesAndAnnotatedBeansOnly() {
        assertThat(BEANS.names()).contains("consignmentStatus", "decisionRecorder", "deadlines", "emergencyState",
                        "customsDeclarations", "registerConsignment", "recordCompletingUser", "recordEmergencyEnder")
                .doesNotContain("consignmentRepository", "consignmentRegistration", "authorizationSetup",
                        "modelGuardPlugin", "clearanceEngine");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${a == 'b' and not c || d != 1}",
            "${empty reviewSummary ? 'none' : reviewSummary}",
            "${amount * 2 + 1 > limit}",
            "${execution.processBusinessKey}",
            "${task.id}",
            "${execution['processInstanceId']}",
            "${execution.getVariable('x') == 'y'}",
            "${execution.setVariable('x', deadlines.dueAt('ENDORSEMENT', '-'))}",
            "${currentUser()} ${currentUserGroups()} ${now()} ${dateTime()}",
            "${someVariable.someProperty}",
            "plain text without expressions",
            "escaped \\${not an expression}"})
    void allowsVariablesLiteralsOperatorsModelBeansAndEngineFunctions(String expression) {
        assertThat(allowList.refusal(expression)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}          | method getClass() called on a literal",
            "${execution.processEngineServices.identityService.createMembership('owner', 'camunda-admin')} | property 'processEngineServices' of execution",
            "${execution.getProcessEngine()}                                                | method execution.getProcessEngine() is not allowed",
            "${execution.getProcessEngineServices().getIdentityService()}                   | execution.getProcessEngineServices()",
            "${task.execution}                                                              | property 'execution' of task",
            "${exec('id')}                                                                  | function exec() is not allowed",
            "${deadlines.getClass()}                                                        | deadlines.getClass() is not a public method declared by org.reliefclearance.deadlines.Deadlines",
            "${consignmentStatus.hashCode()}                                                | consignmentStatus.hashCode()",
            "${dataSource.getConnection()}                                                  | 'dataSource' is not a model bean",
            "${emergencyState.active().get()}                                               | method get() called on the result of another call",
            "${execution.setVariable('x', emergencyState.active().orElseThrow())}           | method orElseThrow() called on the result of another call",
            "${reviewSummary.toUpperCase()}                                                 | 'reviewSummary' is not a model bean",
            "${reviewSummary.class}                                                         | property 'class'",
            "${reviewSummary['class'].forName('java.lang.Runtime')}                         | property 'class'",
            "${execution[name]}                                                             | computed key",
            "${(execution).getProcessEngine()}                                              | method getProcessEngine() called on a computed value",
            "${deadlines.calendar.zone}                                                     | property 'calendar' of bean 'deadlines' is not a getter",
            "${a.b.c}                                                                       | property 'c' of a property's value",
            "${a.}                                                                          | not a valid expression"})
    void refusesAndNamesWhatIsRefused(String expression, String named) {
        assertThat(allowList.refusal(expression.strip())).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(named.strip());
    }

    @Test
    void aDelegateExpressionIsExactlyTheNameOfAModelBean() {
        assertThat(allowList.delegateRefusal("${registerConsignment}")).isEmpty();
        assertThat(allowList.delegateRefusal("${dataSource}")).get().asString().contains("'dataSource' is not a model bean");
        assertThat(allowList.delegateRefusal("${registerConsignment.execute(execution)}")).get().asString()
                .contains("must be ${beanName}");
        assertThat(allowList.delegateRefusal("org.evil.Delegate")).isPresent();
    }
}
