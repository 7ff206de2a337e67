package org.reliefclearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.deadlines.DeadlineStep;
import org.reliefclearance.emergency.NationalEmergency;
import org.reliefclearance.forms.FormField;
import org.reliefclearance.forms.FormSchema;
import org.reliefclearance.recognition.OrganisationRecognition;
import org.reliefclearance.review.LineMinistryReview;
import org.reliefclearance.variables.Variable;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The names a model and its forms use are the names the process's contract declares: every
 * variable an expression or a form field names is a typed variable of that process, every text a
 * choice is compared with is one of its enum's constants, every status, timeline event and deadline
 * step a model passes to the service exists. A name typed wrong in Modeler fails here, not at run time.
 */
class ProcessVocabularyTest {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "true", "false", "null");
    /** Start-form line slots, declared by ClearanceProcess.Vars.lineField and addLine. */
    private static final Pattern LINE_SLOT = Pattern.compile("line[1-5](Description|HsCode|Category|Quantity|Unit"
            + "|ValueUsd|GrossWeightKg)|addLine[2-5]");
    private static final Set<String> BEANS = beanNames();

    record Contract(String bpmn, Class<?> vars) {

        Map<String, Variable<?>> variables() {
            Map<String, Variable<?>> declared = new LinkedHashMap<>();
            for (Field field : vars.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Variable.class) {
                    try {
                        Variable<?> variable = (Variable<?>) field.get(null);
                        declared.put(variable.name(), variable);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return declared;
        }

        @Override
        public String toString() {
            return bpmn;
        }
    }

    static Stream<Contract> contracts() {
        return Stream.of(new Contract("bpmn/relief-consignment-clearance.bpmn", ClearanceProcess.Vars.class),
                new Contract("bpmn/line-ministry-review.bpmn", LineMinistryReview.Vars.class),
                new Contract("bpmn/national-emergency.bpmn", NationalEmergency.Vars.class),
                new Contract("bpmn/organisation-recognition.bpmn", OrganisationRecognition.Vars.class));
    }

    /**
     * An expression resolves a name as a variable before it looks for a bean: a variable named like
     * a bean ({@code ${consignmentStatus.set(...)}}) hides the bean as soon as it is set.
     */
    @ParameterizedTest
    @MethodSource("contracts")
    void noVariableIsNamedLikeABeanAModelCalls(Contract contract) throws Exception {
        Set<String> beans = new HashSet<>();
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(true);
        for (var candidate : scanner.findCandidateComponents("org.reliefclearance")) {
            Object name = ((org.springframework.beans.factory.annotation.AnnotatedBeanDefinition) candidate).getMetadata()
                    .getAnnotationAttributes(org.springframework.stereotype.Component.class.getName()) == null ? null
                    : ((org.springframework.beans.factory.annotation.AnnotatedBeanDefinition) candidate).getMetadata()
                            .getAnnotationAttributes(org.springframework.stereotype.Component.class.getName()).get("value");
            if (name instanceof String bean && !bean.isEmpty()) {
                beans.add(bean);
            }
        }
        assertThat(beans).isNotEmpty();
        assertThat(contract.variables().keySet()).as("variables of %s", contract.bpmn()).doesNotContainAnyElementsOf(beans);
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyNameAModelUsesIsDeclaredAndEveryTextItComparesIsAChoice(Contract contract) throws Exception {
        Map<String, Variable<?>> declared = contract.variables();
        List<String> problems = new ArrayList<>();
        for (String expression : expressions(Path.of(contract.bpmn()))) {
            Node root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(expression)
                    .getRoot();
            check(root, expression, declared, problems);
        }
        assertThat(problems).as("names in %s", contract.bpmn()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyFieldOfTheProcesssFormsIsADeclaredVariableAndOffersExactlyItsChoices(Contract contract)
            throws Exception {
        Map<String, Variable<?>> declared = contract.variables();
        List<String> problems = new ArrayList<>();
        // a step may offer fewer choices than the process knows (the coordinators may not decide an
        // overdue review, its head may), but no form offers an unknown one and together they offer all
        Map<String, Set<String>> offered = new HashMap<>();
        for (String formId : formRefs(Path.of(contract.bpmn()))) {
            FormSchema form = FormSchema.parse(Files.readString(Path.of("forms", formId + ".form")));
            for (FormField field : form.fields()) {
                Variable<?> variable = declared.get(field.key());
                if (variable == null) {
                    if (!LINE_SLOT.matcher(field.key()).matches()) {
                        problems.add(formId + ": field " + field.key() + " is no variable of the process");
                    }
                } else if (!variable.choices().isEmpty()) {
                    if (!new HashSet<>(variable.choices()).containsAll(field.values())) {
                        problems.add(formId + ": " + field.key() + " offers " + field.values() + ", the process knows "
                                + variable.choices());
                    }
                    offered.computeIfAbsent(field.key(), k -> new HashSet<>()).addAll(field.values());
                }
            }
        }
        offered.forEach((key, values) -> {
            if (!values.equals(new HashSet<>(declared.get(key).choices()))) {
                problems.add(key + ": the forms offer " + values + ", the process knows " + declared.get(key).choices());
            }
        });
        assertThat(problems).isEmpty();
    }

    private static void check(Node node, String expression, Map<String, Variable<?>> declared, List<String> problems) {
        if (node instanceof AstMethod call && call.getChild(0) instanceof AstDot dot
                && dot.getChild(0) instanceof AstIdentifier target) {
            checkCall(target.getName(), property(dot), (AstNode) call.getChild(1), expression, declared, problems);
        }
        if (node instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (!declared.containsKey(name) && !BEANS.contains(name) && !ENGINE_NAMES.contains(name)) {
                problems.add(expression + ": '" + name + "' is neither a variable of the process nor a model bean");
            }
        }
        if (node instanceof AstBinary comparison && (comparison.getOperator() == AstBinary.EQ
                || comparison.getOperator() == AstBinary.NE)) {
            checkComparison(comparison.getChild(0), comparison.getChild(1), expression, declared, problems);
            checkComparison(comparison.getChild(1), comparison.getChild(0), expression, declared, problems);
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            check(node.getChild(i), expression, declared, problems);
        }
    }

    private static void checkComparison(Node side, Node other, String expression, Map<String, Variable<?>> declared,
                                        List<String> problems) {
        if (side instanceof AstIdentifier identifier && other instanceof AstString text) {
            Variable<?> variable = declared.get(identifier.getName());
            String value = text.eval(null, null).toString();
            if (variable != null && !variable.choices().contains(value)) {
                problems.add(expression + ": " + identifier.getName() + " is never '" + value + "' (choices "
                        + variable.choices() + ")");
            }
        }
    }

    private static void checkCall(String target, String method, AstNode parameters, String expression,
                                  Map<String, Variable<?>> declared, List<String> problems) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < parameters.getCardinality(); i++) {
            texts.add(parameters.getChild(i) instanceof AstString s ? s.eval(null, null).toString() : null);
        }
        String first = texts.isEmpty() ? null : texts.get(0);
        String second = texts.size() > 1 ? texts.get(1) : null;
        switch (target + "." + method) {
            case "consignmentStatus.set" -> expect(second, names(ConsignmentStatus.values()), "status", expression, problems);
            case "consignmentStatus.record" -> expect(second, names(TimelineEvent.values()), "timeline event", expression,
                    problems);
            case "decisionRecorder.record" -> {
                expect(second, names(TimelineEvent.values()), "timeline event", expression, problems);
                texts.subList(2, texts.size()).stream().filter(name -> name != null)
                        .forEach(name -> expect(name, declared.keySet(), "variable", expression, problems));
            }
            case "deadlines.dueAt", "deadlines.reminderAt" -> expect(first, names(DeadlineStep.values()),
                    "deadline step", expression, problems);
            case "execution.setVariable", "execution.getVariable", "execution.hasVariable" -> expect(first,
                    declared.keySet(), "variable", expression, problems);
            default -> {
            }
        }
    }

    private static void expect(String value, Set<String> known, String what, String expression, List<String> problems) {
        if (value != null && !known.contains(value)) {
            problems.add(expression + ": '" + value + "' is no " + what + " the service knows");
        }
    }

    private static Set<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).collect(Collectors.toSet());
    }

    /** JUEL keeps a dot's property name private; its toString() is ". name". */
    private static String property(AstDot dot) {
        String text = dot.toString();
        return text.startsWith(". ") ? text.substring(2) : text;
    }

    private static List<String> expressions(Path bpmn) throws Exception {
        List<String> found = new ArrayList<>();
        collect(read(bpmn).getDocumentElement(), found);
        return found;
    }

    private static void collect(Element element, List<String> found) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            find(attributes.item(i).getNodeValue(), found);
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            org.w3c.dom.Node child = children.item(i);
            if (child instanceof Element e) {
                collect(e, found);
            } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE
                    || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                find(child.getNodeValue(), found);
            }
        }
    }

    private static void find(String text, List<String> found) {
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
    }

    private static List<String> formRefs(Path bpmn) throws Exception {
        NodeList all = read(bpmn).getElementsByTagName("*");
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            String ref = ((Element) all.item(i)).getAttributeNS("http://camunda.org/schema/1.0/bpmn", "formRef");
            if (!ref.isEmpty()) {
                refs.add(ref);
            }
        }
        return refs;
    }

    private static Document read(Path bpmn) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(bpmn.toFile());
    }

    /** The names of the application's Spring components: the beans a model may name. */
    private static Set<String> beanNames() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        return scan.findCandidateComponents("org.reliefclearance").stream()
                .map(definition -> AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry))
                .collect(Collectors.toSet());
    }
}
