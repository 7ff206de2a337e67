package org.reliefclearance.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.forms.FormContract.Mode;
import org.reliefclearance.forms.FormContract.Outcome;

/** A step's form as the contract of what a caller may submit. */
class FormContractTest {

    /**
     * What the service itself writes; a form's text (Markdown) may show only these. Anything a person
     * typed (a consignee's answer, an officer's reason) is shown in a read-only field as plain text,
     * so a link or image in it is never rendered in an official's form.
     */
    private static final Set<String> SYSTEM_WRITTEN = Set.of("consignmentReference", "organisationName", "portName",
            "expectedArrival", "authorityName", "releaseNumber", "riskReason", "examinationRecommended",
            "reviewSummary", "documentsLodged", "documentsMissing", "dutiesAndTaxesUsd", "dutiesAndTaxesDetail", "permitConditionsText",
            "linesToRelease", "overdueDecision", "documentsMissingForRelease", "customsRefusal");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "true", "false", "null", "and", "or",
            "not", "if_", "#if", "/if");

    static Stream<Path> forms() throws IOException {
        return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void everyFormIsAContractTheEngineCanEnforce(Path form) throws IOException {
        FormSchema schema = FormSchema.parse(Files.readString(form));
        assertThat(schema.id()).isEqualTo(form.getFileName().toString().replace(".form", ""));
        assertThat(schema.fields()).extracting(FormField::key).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void formTextShowsOnlyWhatTheServiceWrote(Path form) throws IOException {
        for (String text : FormSchema.parse(Files.readString(form)).texts()) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                Matcher name = NAME.matcher(placeholder.group(1).replaceAll("\"[^\"]*\"", ""));
                while (name.find()) {
                    if (!FEEL_WORDS.contains(name.group())) {
                        assertThat(SYSTEM_WRITTEN).as("%s shows {{%s}} as Markdown", form, name.group())
                                .contains(name.group());
                    }
                }
            }
        }
    }

    private static final String REVIEW = """
            {"id": "probe", "components": [
              {"type": "textfield", "key": "reference", "label": "Reference", "readonly": true},
              {"type": "radio", "key": "decision", "label": "Decision", "validate": {"required": true},
               "values": [{"label": "Approve", "value": "APPROVE"}, {"label": "Reject", "value": "REJECT"}]},
              {"type": "textarea", "key": "reason", "label": "Reason", "validate": {"required": true, "maxLength": 10},
               "conditional": {"hide": "=decision != \\"REJECT\\""}},
              {"type": "checklist", "key": "lines", "label": "Lines", "valuesKey": "lineOptions",
               "conditional": {"hide": "=decision != \\"REJECT\\""}},
              {"type": "number", "key": "waived", "label": "Waived", "validate": {"min": 0, "max": 100}},
              {"type": "textfield", "key": "hsCode", "label": "HS code", "validate": {"pattern": "^[0-9]{6,10}$"}},
              {"type": "datetime", "key": "newDeadline", "subtype": "datetime", "dateLabel": "Date"}
            ]}""";
    private static final Map<String, Object> SHOWN = Map.of("reference", "RC-2026-000001",
            "lineOptions", List.of(Map.of("label", "1: Tents", "value", "1"), Map.of("label", "2: Radios", "value", "2")));

    private final FormContract contract = new FormContract(FormSchema.parse(REVIEW));

    @Test
    void acceptsWhatTheFormAsksForAndTheReadOnlyValueAsShown() {
        Outcome outcome = check(Map.of("reference", "RC-2026-000001", "decision", "REJECT", "reason", "No permit",
                "lines", List.of("2"), "waived", 12.5, "hsCode", "630622", "newDeadline", "2026-12-07T17:00"));
        assertThat(outcome.accepted()).isTrue();
    }

    @Test
    void refusesKeysTheFormDoesNotDeclare() {
        Outcome outcome = check(Map.of("decision", "APPROVE", "permitsRequired", false, "authority", "MTC"));
        assertThat(outcome.notAccepted()).containsExactlyInAnyOrder("permitsRequired", "authority");
    }

    @Test
    void refusesAChangedReadOnlyValue() {
        assertThat(check(Map.of("decision", "APPROVE", "reference", "RC-2026-000999")).invalid())
                .extracting(FormContract.Violation::message).containsExactly("Reference (reference) is read-only");
    }

    @Test
    void requiresAFieldOnlyWhereTheFormShowsItAndRefusesAValueForAHiddenOne() {
        assertThat(check(Map.of("decision", "REJECT")).invalid()).extracting(FormContract.Violation::key)
                .containsExactly("reason");
        assertThat(check(Map.of("decision", "APPROVE")).accepted()).isTrue();
        assertThat(check(Map.of("decision", "APPROVE", "lines", List.of("1"))).invalid())
                .extracting(FormContract.Violation::message).containsExactly("Lines (lines) is not asked for in this case");
    }

    @Test
    void checksOptionsLengthsRangesPatternsAndDates() {
        Map<String, Object> values = new HashMap<>(Map.of("decision", "MAYBE", "waived", -1, "hsCode", "ABC",
                "newDeadline", "next week"));
        assertThat(check(values).invalid()).extracting(FormContract.Violation::key)
                .containsExactlyInAnyOrder("decision", "waived", "hsCode", "newDeadline");
        assertThat(check(Map.of("decision", "REJECT", "reason", "far too long a reason", "lines", List.of("3")))
                .invalid()).extracting(FormContract.Violation::message).containsExactlyInAnyOrder(
                "Reason (reason) is longer than 10 characters",
                "Lines (lines) contains '3', which is not one of the options offered");
    }

    @Test
    void anUpdateNeedNotCarryEveryRequiredField() {
        assertThat(contract.check(Map.of("waived", 5), SHOWN, Mode.UPDATE).accepted()).isTrue();
        assertThat(contract.check(Map.of("waived", 5), SHOWN, Mode.COMPLETE).invalid())
                .extracting(FormContract.Violation::key).containsExactly("decision");
    }

    @Test
    void aFormTheContractCannotEnforceIsRefused() {
        assertThatThrownBy(() -> FormSchema.parse("""
                {"id": "x", "components": [{"type": "iframe", "id": "Frame", "url": "https://example.org"}]}"""))
                .hasMessageContaining("'iframe'");
        assertThatThrownBy(() -> FormSchema.parse("""
                {"id": "x", "components": [{"type": "dynamiclist", "id": "Lines", "path": "lines", "components": []}]}"""))
                .hasMessageContaining("'dynamiclist'");
        assertThatThrownBy(() -> FormSchema.parse("""
                {"id": "x", "components": [{"type": "textfield", "key": "a.b"}]}"""))
                .hasMessageContaining("simple key");
    }

    private Outcome check(Map<String, Object> submitted) {
        return contract.check(submitted, SHOWN, Mode.COMPLETE);
    }
}
