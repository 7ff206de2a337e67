package org.reliefclearance.clearance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.documents.DocumentsOnForms;
import org.reliefclearance.emergency.EmergencyState;
import org.reliefclearance.forms.FormContract.Violation;
import org.reliefclearance.forms.FormValues;
import org.reliefclearance.forms.StepRules;
import org.reliefclearance.registry.Port;
import org.reliefclearance.registry.Registry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Release before the declaration (IM8) is the head of the checkpoint's decision: any officer of the
 * port may clear the goods, only a member of the port's head group may tick IM8. And goods leave with
 * the documents their lines need, or, during an emergency, with a waiver and its reason.
 */
@Component
class PortClearanceRules implements StepRules {

    private final Registry registry;
    private final ConsignmentRepository consignments;
    // the engine's plugins, these rules among them, exist before the engine these beans need
    private final ObjectProvider<DocumentsOnForms> documents;
    private final ObjectProvider<EmergencyState> emergencies;

    PortClearanceRules(Registry registry, ConsignmentRepository consignments, ObjectProvider<DocumentsOnForms> documents,
                       ObjectProvider<EmergencyState> emergencies) {
        this.registry = registry;
        this.consignments = consignments;
        this.documents = documents;
        this.emergencies = emergencies;
    }

    @Override
    public Set<String> formIds() {
        return Set.of("clear-at-port");
    }

    @Override
    public List<Violation> check(Submission submission) {
        List<Violation> violations = new ArrayList<>();
        missingDocuments(submission).ifPresent(violations::add);
        Object im8 = submission.values().get(ClearanceProcess.Vars.RELEASE_BEFORE_DECLARATION.name());
        if (!Boolean.TRUE.equals(im8) && !"true".equals(FormValues.text(im8))) {
            return violations;
        }
        String portCode = FormValues.text(submission.current().get(ClearanceProcess.Vars.PORT_CODE.name()));
        String head = registry.port(portCode == null ? "" : portCode).map(Port::headGroup).orElse(null);
        if (head == null || !submission.groups().contains(head)) {
            violations.add(submission.violation(ClearanceProcess.Vars.RELEASE_BEFORE_DECLARATION.name(),
                    "may be decided only by the head of the checkpoint (" + head + ")"));
        }
        return violations;
    }

    /** Checked at submission, not when the form was shown: a document lodged meanwhile counts. */
    private Optional<Violation> missingDocuments(Submission submission) {
        String reference = FormValues.text(submission.current().get(ClearanceProcess.Vars.CONSIGNMENT_REFERENCE.name()));
        List<Integer> lines = FormValues.integers(
                submission.current().get(ClearanceProcess.Vars.LINE_NUMBERS_TO_RELEASE.name()));
        if (reference == null || lines.isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = documents.getObject().missingFor(consignments.findByReference(reference).orElseThrow(),
                lines);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        if (emergencies.getObject().coversConsignment(reference)) {
            String waiver = FormValues.text(submission.values().get(ClearanceProcess.Vars.DOCUMENTS_WAIVER_REASON.name()));
            return waiver != null && !waiver.isBlank() ? Optional.empty()
                    : Optional.of(submission.violation(ClearanceProcess.Vars.DOCUMENTS_WAIVER_REASON.name(),
                            "is required: documents " + missing + " are missing for this release"));
        }
        return Optional.of(submission.violation(ClearanceProcess.Vars.CLEARANCE_DECISION.name(),
                "waits for the documents this release needs: " + missing + " (lodged by the consignee; during"
                        + " an emergency covering the destination province the port may release with a waiver and its reason)"));
    }
}
