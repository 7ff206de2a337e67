package org.reliefclearance.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.review.AuthorityReviews;
import org.reliefclearance.review.ReviewStatus;
import org.yaml.snakeyaml.Yaml;

/**
 * The bundles are the one home of codes in words: every code the service writes or the models
 * name has its wording in English and in Lao. The codes are read from where they are written (the
 * Java sources, the BPMN, DMN and form files, the configuration), so a new code without its
 * translation fails here.
 */
class WordsBundleTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path MODELS = Path.of("bpmn");
    private static final Path FORMS = Path.of("forms");

    private static Properties english;
    private static Properties lao;

    @BeforeAll
    static void loadBundles() throws IOException {
        english = bundle("src/main/resources/i18n/messages.properties");
        lao = bundle("src/main/resources/i18n/messages_lo.properties");
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoBlankWording() {
        assertThat(new TreeSet<>(lao.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (Properties bundle : List.of(english, lao)) {
            assertThat(bundle.stringPropertyNames()).allSatisfy(key ->
                    assertThat(bundle.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void everyConsignmentAndReviewStatusIsInWords() {
        // a status change is also a timeline event named after the status (consignmentStatus.set)
        assertTranslated(Arrays.stream(ConsignmentStatus.values()).map(s -> "status." + s.name()));
        assertTranslated(Arrays.stream(ConsignmentStatus.values()).map(s -> "event." + s.name()));
        assertTranslated(Arrays.stream(ReviewStatus.values()).map(s -> "review." + s.name()));
    }

    @Test
    void everyEventTypeTheCodeWritesIsInWords() throws IOException {
        Set<String> types = eventTypesInCode();

        assertThat(types).contains("NOTIFIED", "DOCUMENT_LODGED", "LINES_CLASSIFIED", "REVIEW_DECIDED",
                "REVIEW_REASSIGNED", "HANDED_OVER_TO_CUSTOMS", "WITHDRAWAL_REQUESTED", "CLOSED");
        assertTranslated(types.stream().map(type -> "event." + type));
    }

    @Test
    void everyEventTypeTheModelsWriteIsInWords() throws IOException {
        Set<String> types = eventTypesInModels();

        assertThat(types).contains("ENDORSEMENT_DECIDED", "EXEMPTION_DECIDED", "DECLARATION_OVERDUE",
                "DISTRIBUTION_REPORT_FOLLOWED_UP", "AWAITING_DISTRIBUTION_REPORT");
        assertTranslated(types.stream().map(type -> "event." + type));
    }

    @Test
    void everyStepAndProcessOfTheModelsIsInWords() throws IOException {
        List<String> keys = new ArrayList<>();
        for (Path file : files(MODELS, ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                    .forEach(p -> keys.add("process." + p.getId()));
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (node instanceof Gateway) {
                    continue;
                }
                keys.add("step." + node.getId());
                if (node instanceof Activity a && a.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics) {
                    keys.add("step." + node.getId() + ".all");
                }
            }
        }

        assertThat(keys).contains("step.Task_EndorseRequest", "step.Task_ReviewPermit", "step.Task_EndEmergencyEarly",
                "step.Task_ReviewByAuthority.all", "process.line-ministry-review");
        assertTranslated(keys.stream());
    }

    @Test
    void everyDecisionTreatmentCategoryDocumentTypeAndUnitIsInWords() throws IOException {
        assertTranslated(formValues("decide-exemption", "exemptionDecision").stream().map(v -> "exemption." + v));
        assertTranslated(formValues("submit-notification", "line1Unit").stream().map(v -> "unit." + v));
        assertTranslated(treatments().stream().map(t -> "treatment." + t));
        Map<String, List<String>> consignment = consignmentSettings();
        assertTranslated(consignment.get("categories").stream().map(c -> "category." + c));
        assertTranslated(consignment.get("document-types").stream().map(d -> "document." + d));
        assertTranslated(consignment.get("transport-document-types").stream().map(t -> "transport." + t));
    }

    @Test
    void theLaoBundleIsWrittenInLao() {
        Pattern wordsOfCodes = Pattern.compile("(status|review|event|step|process|exemption|treatment|category|document"
                + "|transport|heading|dossier|tile)\\..*");
        List<String> keys = lao.stringPropertyNames().stream().filter(k -> wordsOfCodes.matcher(k).matches()).toList();

        assertThat(keys).hasSizeGreaterThan(150);
        assertThat(keys).allSatisfy(key -> assertThat(lao.getProperty(key).codePoints()
                .anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.LAO)).as(key).isTrue());
        assertThat(lao.getProperty("status.AWAITING_DISTRIBUTION_REPORT")).isEqualTo("ລໍຖ້າລາຍງານການແຈກຢາຍ");
    }

    private static void assertTranslated(Stream<String> keys) {
        List<String> wanted = keys.distinct().sorted().toList();
        assertThat(wanted).isNotEmpty();
        assertThat(wanted).as("keys in messages.properties").allMatch(english::containsKey);
        assertThat(wanted).as("keys in messages_lo.properties").allMatch(lao::containsKey);
    }

    /**
     * The event type (third argument) of every {@code addEvent(...)} call in the sources: string
     * literals, {@code AuthorityReviews.Events} constants and {@code ConsignmentStatus} values. An
     * argument that is none of these passes on a type from elsewhere; those few places are known
     * (statuses and the models' types), and a new one must be added here.
     */
    private static Set<String> eventTypesInCode() throws IOException {
        Set<String> types = new TreeSet<>();
        Map<String, String> forwarded = new TreeMap<>();
        for (Path file : files(SOURCES, ".java")) {
            String source = Files.readString(file);
            Matcher call = Pattern.compile("(?<!void )\\baddEvent\\(").matcher(source);
            while (call.find()) {
                String type = arguments(source, call.end()).get(2);
                Set<String> found = new TreeSet<>();
                literals("\"([A-Z][A-Z0-9_]*)\"", type).forEach(found::add);
                literals("\\bEvents\\.([A-Z][A-Z0-9_]*)", type).forEach(name -> found.add(eventsConstant(name)));
                literals("\\bConsignmentStatus\\.([A-Z][A-Z0-9_]*)", type).forEach(found::add);
                if (found.isEmpty()) {
                    forwarded.put(file.getFileName() + ": " + type, type);
                }
                types.addAll(found);
            }
        }
        assertThat(forwarded.keySet()).as("addEvent calls passing a type on").containsExactlyInAnyOrder(
                "ConsignmentStatusRecorder.java: newStatus.name()",
                "ConsignmentStatusRecorder.java: eventType",
                "DecisionRecorder.java: eventType");
        return types;
    }

    /** What the models hand to the recorders: consignmentStatus.set/record, decisionRecorder.record. */
    private static Set<String> eventTypesInModels() throws IOException {
        Set<String> types = new TreeSet<>();
        Pattern recorded = Pattern.compile(
                "(?:consignmentStatus\\.(?:set|record)|decisionRecorder\\.record)\\(\\s*\\w+\\s*,\\s*'([^']*)'");
        for (Path file : files(MODELS, ".bpmn")) {
            Matcher m = recorded.matcher(Files.readString(file));
            while (m.find()) {
                types.add(m.group(1));
            }
        }
        return types;
    }

    private static List<String> formValues(String form, String key) throws IOException {
        JsonNode schema = new ObjectMapper().readTree(FORMS.resolve(form + ".form").toFile());
        List<String> values = new ArrayList<>();
        schema.findParents("key").stream().filter(c -> key.equals(c.path("key").asText()))
                .forEach(c -> c.path("values").forEach(v -> values.add(v.path("value").asText())));
        assertThat(values).as(form + " " + key).isNotEmpty();
        return values;
    }

    private static Set<String> treatments() {
        DmnModelInstance dmn = Dmn.readModelFromFile(MODELS.resolve("goods-classification.dmn").toFile());
        Set<String> treatments = new TreeSet<>();
        for (DecisionTable table : dmn.getModelElementsByType(DecisionTable.class)) {
            List<Output> outputs = new ArrayList<>(table.getOutputs());
            int column = outputs.stream().map(Output::getName).toList().indexOf("treatment");
            if (column < 0) {
                continue;
            }
            for (Rule rule : table.getRules()) {
                String entry = new ArrayList<>(rule.getOutputEntries()).get(column).getTextContent().strip();
                treatments.add(entry.replace("\"", ""));
            }
        }
        assertThat(treatments).contains("RELIEF_EXEMPT", "PERMIT_REQUIRED", "PROHIBITED", "DUTIABLE");
        return treatments;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> consignmentSettings() throws IOException {
        try (Reader yaml = Files.newBufferedReader(Path.of("src/main/resources/application.yaml"))) {
            Map<String, Object> root = new Yaml().load(yaml);
            Map<String, Object> relief = (Map<String, Object>) root.get("relief");
            return ((Map<String, Object>) relief.get("consignment")).entrySet().stream()
                    .filter(e -> e.getValue() instanceof List<?>)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> (List<String>) e.getValue()));
        }
    }

    /** The top-level arguments of a call whose "(" ends just before {@code start}. */
    private static List<String> arguments(String source, int start) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < source.length(); i++) {
            char ch = source.charAt(i);
            if (inString) {
                current.append(ch);
                if (ch == '\\') {
                    current.append(source.charAt(++i));
                } else if (ch == '"') {
                    inString = false;
                }
                continue;
            }
            if (ch == '"') {
                inString = true;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && depth-- == 0) {
                arguments.add(current.toString().strip());
                return arguments;
            } else if (ch == ',' && depth == 0) {
                arguments.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(ch);
        }
        throw new IllegalStateException("Unbalanced call at " + start);
    }

    private static List<String> literals(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String eventsConstant(String name) {
        try {
            Field field = AuthorityReviews.Events.class.getField(name);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("No event type AuthorityReviews.Events." + name, e);
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Properties bundle(String path) throws IOException {
        Properties bundle = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }
        return bundle;
    }
}
