package org.reliefclearance.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.exemption.ExemptionDecision;
import org.reliefclearance.review.ReviewStatus;
import org.reliefclearance.screening.Treatment;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bundles are the one home of codes in words: every code the service writes or the models
 * name has its wording in English and in Lao. The codes are read from their one home (the enums,
 * the BPMN, DMN and form files, the configuration), so a new code without its translation fails
 * here.
 */
class WordsBundleTest {

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
    void everyTimelineEventIsInWords() {
        // the models name their events as text; ProcessVocabularyTest holds them to this enum
        assertTranslated(Arrays.stream(TimelineEvent.values()).map(e -> "event." + e.name()));
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
        assertTranslated(Arrays.stream(ExemptionDecision.values()).map(v -> "exemption." + v.name()));
        assertTranslated(formValues("submit-notification", "line1Unit").stream().map(v -> "unit." + v));
        assertTranslated(Arrays.stream(Treatment.values()).map(t -> "treatment." + t.name()));
        assertTranslated(categories().stream().map(c -> "category." + c));
        Map<String, List<String>> consignment = consignmentSettings();
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

    private static List<String> formValues(String form, String key) throws IOException {
        JsonNode schema = new ObjectMapper().readTree(FORMS.resolve(form + ".form").toFile());
        List<String> values = new ArrayList<>();
        schema.findParents("key").stream().filter(c -> key.equals(c.path("key").asText()))
                .forEach(c -> c.path("values").forEach(v -> values.add(v.path("value").asText())));
        assertThat(values).as(form + " " + key).isNotEmpty();
        return values;
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

    /** The goods categories: the allowed values of the goods-classification decision's category input. */
    private static List<String> categories() {
        DmnModelInstance dmn = Dmn.readModelFromFile(MODELS.resolve("goods-classification.dmn").toFile());
        List<String> categories = dmn.getModelElementsByType(Input.class).stream()
                .filter(input -> "category".equals(input.getInputExpression().getText().getTextContent().strip()))
                .flatMap(input -> Arrays.stream(input.getInputValues().getText().getTextContent().split(",")))
                .map(value -> value.strip().replace("\"", "")).toList();
        assertThat(categories).contains("MEDICINE", "FOOD");
        return categories;
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
