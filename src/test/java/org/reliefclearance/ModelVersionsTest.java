package org.reliefclearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a process owner's edit in Modeler must keep: every process and decision carries a version
 * tag; a running case keeps the forms, called process and decisions of the deployment it started
 * with (deployment binding); every step sits in the lane of whoever does it; everything is drawn.
 */
class ModelVersionsTest {

    static List<Path> processFiles() throws IOException {
        return files(".bpmn");
    }

    static List<Path> decisionFiles() throws IOException {
        return files(".dmn");
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void everyUserTaskHasTheDueDateTheSopSets(Path file) {
        Collection<UserTask> tasks = bpmn(file).getModelElementsByType(UserTask.class);

        assertThat(tasks).isNotEmpty().allSatisfy(task ->
                assertThat(task.getCamundaDueDate()).as("camunda:dueDate of %s", task.getId()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void everyUserTaskOfACaseTakesThePriorityTheRulesSet(Path file) {
        Collection<UserTask> tasks = bpmn(file).getModelElementsByType(UserTask.class);
        // the national emergency's task belongs to no consignment
        Assumptions.assumeFalse(file.getFileName().toString().equals("national-emergency.bpmn"));

        assertThat(tasks).isNotEmpty().allSatisfy(task ->
                assertThat(task.getCamundaPriority()).as("camunda:priority of %s", task.getId())
                        .isEqualTo("${taskPriority.of(execution)}"));
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void everyProcessHasAVersionTag(Path file) {
        Collection<Process> processes = bpmn(file).getModelElementsByType(Process.class);

        assertThat(processes).isNotEmpty().allSatisfy(process ->
                assertThat(process.getCamundaVersionTag()).as("camunda:versionTag of %s", process.getId()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("decisionFiles")
    void everyDecisionHasAVersionTag(Path file) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        Collection<Decision> decisions = model.getModelElementsByType(Decision.class);

        assertThat(decisions).isNotEmpty().allSatisfy(decision ->
                assertThat(decision.getVersionTag()).as("camunda:versionTag of %s", decision.getId()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void formsCalledProcessesAndDecisionsComeFromTheCasesOwnDeployment(Path file) {
        BpmnModelInstance model = bpmn(file);
        List<String> bindings = new ArrayList<>();
        model.getModelElementsByType(UserTask.class).stream().filter(t -> t.getCamundaFormRef() != null)
                .forEach(t -> bindings.add(t.getId() + " formRefBinding=" + t.getCamundaFormRefBinding()));
        model.getModelElementsByType(StartEvent.class).stream().filter(e -> e.getCamundaFormRef() != null)
                .forEach(e -> bindings.add(e.getId() + " formRefBinding=" + e.getCamundaFormRefBinding()));
        model.getModelElementsByType(CallActivity.class).stream().filter(c -> c.getCalledElement() != null)
                .forEach(c -> bindings.add(c.getId() + " calledElementBinding=" + c.getCamundaCalledElementBinding()));
        model.getModelElementsByType(BusinessRuleTask.class).stream().filter(t -> t.getCamundaDecisionRef() != null)
                .forEach(t -> bindings.add(t.getId() + " decisionRefBinding=" + t.getCamundaDecisionRefBinding()));

        assertThat(bindings).isNotEmpty().allSatisfy(binding -> assertThat(binding).endsWith("Binding=deployment"));
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void everyStepOfAProcessIsInExactlyOneLane(Path file) {
        for (Process process : bpmn(file).getModelElementsByType(Process.class)) {
            List<String> laned = lanes(process.getLaneSets()).stream()
                    .flatMap(lane -> lane.getFlowNodeRefs().stream()).map(FlowNode::getId).toList();
            List<String> steps = process.getFlowElements().stream().filter(FlowNode.class::isInstance)
                    .map(BaseElement::getId).toList();

            assertThat(laned).as("lanes of %s", process.getId()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(steps);
        }
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void everyStepFlowLaneAndParticipantIsDrawn(Path file) {
        BpmnModelInstance model = bpmn(file);
        Set<String> drawn = Stream.concat(
                model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()),
                model.getModelElementsByType(BpmnEdge.class).stream().map(e -> e.getBpmnElement().getId()))
                .collect(Collectors.toSet());
        List<String> elements = new ArrayList<>();
        for (Class<? extends BaseElement> type : List.of(FlowNode.class, SequenceFlow.class, Lane.class, Participant.class)) {
            model.getModelElementsByType(type).forEach(e -> elements.add(e.getId()));
        }

        assertThat(model.getModelElementsByType(Participant.class)).as("a pool").isNotEmpty();
        assertThat(drawn).containsAll(elements);
    }

    /** The innermost lanes: a lane split into lanes lists its steps again in them. */
    private static List<Lane> lanes(Collection<LaneSet> laneSets) {
        List<Lane> lanes = new ArrayList<>();
        for (LaneSet laneSet : laneSets) {
            for (Lane lane : laneSet.getLanes()) {
                if (lane.getChildLaneSet() == null || lane.getChildLaneSet().getLanes().isEmpty()) {
                    lanes.add(lane);
                } else {
                    lanes.addAll(lanes(List.of(lane.getChildLaneSet())));
                }
            }
        }
        return lanes;
    }

    private static BpmnModelInstance bpmn(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            List<Path> found = files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
            assertThat(found).as("bpmn/*%s", suffix).isNotEmpty();
            return found;
        }
    }
}
