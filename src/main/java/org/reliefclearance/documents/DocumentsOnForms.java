package org.reliefclearance.documents;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.forms.CaseFacts;
import org.reliefclearance.forms.FormValues;
import org.reliefclearance.words.Languages;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every official's form shows of a consignment's documents: those lodged, each with a link that
 * downloads it through the authorised API, and those the rules still require. The texts are Markdown
 * the service writes from its own words and ids, never from a file name a consignee chose. They are
 * written when a form is read ({@link CaseFacts}), not kept as variables of the case and each of its
 * reviews, which every document lodged would rewrite; what a clearance under way needs for its
 * lines decides its route, so that stays a variable, refreshed when a document is lodged.
 */
@Component
public class DocumentsOnForms implements CaseFacts {

    /** Variable names, for the forms' text ({@code {{documentsLodged}}}). */
    public static final String LODGED = "documentsLodged";
    public static final String MISSING = "documentsMissing";
    /** For the port's clearance: what the lines of this release still need, and whether nothing is missing. */
    public static final String MISSING_FOR_RELEASE = "documentsMissingForRelease";
    public static final String COMPLETE_FOR_RELEASE = "documentsCompleteForRelease";
    /** The lines a clearance covers (the clearance process's {@code lineNumbersToRelease}). */
    private static final String RELEASE_LINES = "lineNumbersToRelease";

    private final ConsignmentRepository consignments;
    private final DocumentStore documents;
    private final DocumentChecklist checklist;
    private final Vocabulary vocabulary;
    private final RuntimeService runtime;

    DocumentsOnForms(ConsignmentRepository consignments, DocumentStore documents, DocumentChecklist checklist,
                     Vocabulary vocabulary, RuntimeService runtime) {
        this.consignments = consignments;
        this.documents = documents;
        this.checklist = checklist;
        this.vocabulary = vocabulary;
        this.runtime = runtime;
    }

    /** The two texts for the forms of the case with this reference; none for a business key of no consignment. */
    @Override
    public Map<String, String> of(String businessKey) {
        return consignments.findByReference(businessKey).map(this::texts).orElse(Map.of());
    }

    private Map<String, String> texts(Consignment c) {
        List<StoredDocument> lodged = documents.list(c.id());
        DocumentChecklist.Checklist list = checklist.of(consignments.lines(c.id()), lodged);
        Words en = vocabulary.in(Languages.ENGLISH);
        Words lo = vocabulary.in(Languages.LAO);
        String lodgedText = lodged.isEmpty() ? "none yet / ຍັງບໍ່ມີ" : lodged.stream()
                .map(d -> "- " + both(en.document(d.documentType()), lo.document(d.documentType())) + ", "
                        + en.time(d.uploadedAt()) + " · [download / ດາວໂຫຼດ](/api/consignments/" + c.reference()
                        + "/documents/" + d.id() + ")")
                .collect(Collectors.joining("\n"));
        String missingText = list.missing().isEmpty() ? "none / ບໍ່ມີ" : list.missing().stream()
                .map(type -> both(en.document(type), lo.document(type))).collect(Collectors.joining(", "));
        return Map.of(LODGED, lodgedText, MISSING, missingText);
    }

    /** The documents the rules require for these lines that nobody has lodged yet. */
    public List<String> missingFor(Consignment c, Collection<Integer> lineNos) {
        List<ConsignmentLine> lines = consignments.lines(c.id()).stream().filter(l -> lineNos.contains(l.lineNo())).toList();
        return checklist.of(lines, documents.list(c.id())).missing();
    }

    /** The two variables of a clearance: the missing documents of its lines, in words, and whether there are none. */
    public Map<String, Object> forRelease(Consignment c, Collection<Integer> lineNos) {
        List<String> missing = missingFor(c, lineNos);
        Words en = vocabulary.in(Languages.ENGLISH);
        Words lo = vocabulary.in(Languages.LAO);
        String text = missing.isEmpty() ? "none / ບໍ່ມີ" : missing.stream()
                .map(type -> both(en.document(type), lo.document(type))).collect(Collectors.joining(", "));
        Map<String, Object> variables = new HashMap<>();
        variables.put(MISSING_FOR_RELEASE, text);
        variables.put(COMPLETE_FOR_RELEASE, missing.isEmpty());
        return variables;
    }

    /**
     * After a document is lodged: a clearance under way knows at once whether its lines still miss one.
     * One transaction for all of them: one commit, and none left with the old answer.
     */
    @Transactional
    public void refresh(Consignment c) {
        String[] instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.reference()).active()
                .list().stream().map(ProcessInstance::getId).toArray(String[]::new);
        if (instances.length == 0) {
            return;
        }
        // one query for all of the case's processes: most documents are lodged before any clearance
        runtime.createVariableInstanceQuery().variableName(RELEASE_LINES).processInstanceIdIn(instances).list()
                .stream()
                .filter(v -> v.getValue() != null && v.getExecutionId().equals(v.getProcessInstanceId()))
                .sorted(Comparator.comparing(VariableInstance::getProcessInstanceId))
                .forEach(v -> runtime.setVariables(v.getProcessInstanceId(),
                        forRelease(c, FormValues.integers(v.getValue()))));
    }

    private static String both(String english, String lao) {
        return english.equals(lao) ? english : english + " / " + lao;
    }
}
