package org.reliefclearance.clearance;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.CaseLines;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.documents.DocumentsOnForms;
import org.reliefclearance.modelguard.ModelBean;
import org.reliefclearance.review.ReviewOutcomes;
import org.reliefclearance.review.ReviewOutcomes.LineState;
import org.springframework.stereotype.Component;

/**
 * Release by line, as the model asks it: which lines may leave the border now, whether any line still
 * waits for a ministry, and what the port officer sees of it. Read from the line rows, so a decision
 * committed by another node is seen as soon as the case moves.
 */
@ModelBean
@Component("releasePlan")
public class ReleasePlan {

    private final ReviewOutcomes reviews;
    private final CaseLines caseLines;
    private final ConsignmentMilestones milestones;
    private final DocumentsOnForms documents;
    private final ConsignmentRepository consignments;
    private final IdentityService identity;

    ReleasePlan(ReviewOutcomes reviews, CaseLines caseLines, ConsignmentMilestones milestones,
                DocumentsOnForms documents, ConsignmentRepository consignments, IdentityService identity) {
        this.documents = documents;
        this.consignments = consignments;
        this.identity = identity;
        this.milestones = milestones;
        this.reviews = reviews;
        this.caseLines = caseLines;
    }

    /**
     * The condition of Event_LinesReadyForRelease: some lines can go, or nothing is left to wait for (no
     * ministry to decide, no line held at the port over a discrepancy).
     */
    public boolean readyOrSettled(String reference) {
        Map<ConsignmentLine, LineState> states = reviews.lineStates(reference);
        return states.entrySet().stream().anyMatch(ReleasePlan::releasable)
                || states.entrySet().stream().noneMatch(ReleasePlan::waiting);
    }

    /** Gateway_LinesToRelease. */
    public boolean anyReady(String reference) {
        return reviews.lineStates(reference).entrySet().stream().anyMatch(ReleasePlan::releasable);
    }

    /** Gateway_AnythingToRelease: some of the lines the port cleared may still go (none held meanwhile). */
    public boolean anyCleared(DelegateExecution execution) {
        List<Integer> cleared = Vars.LINE_NUMBERS_TO_RELEASE.get(execution);
        return cleared != null && reviews.lineStates(Vars.CONSIGNMENT_REFERENCE.get(execution)).entrySet().stream()
                .anyMatch(e -> releasable(e) && cleared.contains(e.getKey().lineNo()));
    }

    /** Its authorities approved it (or it needs none) and the port's tally, if any, does not hold it. */
    static boolean releasable(Map.Entry<ConsignmentLine, LineState> line) {
        return line.getValue() == LineState.READY && !line.getKey().held();
    }

    /** Some line of the case has not left and is not refused: the case is released only in part. */
    static boolean linesStillWait(Map<ConsignmentLine, LineState> states) {
        return states.entrySet().stream().anyMatch(e -> waiting(e) || e.getValue() == LineState.READY);
    }

    /** Waits for a ministry, or at the port for its discrepancy to be resolved. */
    static boolean waiting(Map.Entry<ConsignmentLine, LineState> line) {
        return line.getValue() == LineState.AWAITING_REVIEW || line.getValue() == LineState.READY && line.getKey().held();
    }

    /** Gateway_RefusedLinesAwaitingFate. */
    public boolean refusedLinesAwaitingFate(String reference) {
        return !refusedWithoutFate(reviews.lineStates(reference)).isEmpty();
    }

    /**
     * End of each Task_ReviewByAuthority instance ({@code ${releasePlan.reviewDecided(execution)}}): a
     * change of the case-wide counter makes a waiting Event_LinesReadyForRelease look at the lines again.
     */
    public void reviewDecided(DelegateExecution execution) {
        DelegateExecution processInstance = execution.getProcessInstance();
        Object count = Vars.CLEARANCE_PROGRESS.get(processInstance);
        Vars.CLEARANCE_PROGRESS.set(processInstance, count instanceof Number n ? n.intValue() + 1 : 1);
    }

    /**
     * Start of Task_ClearAtPort: the lines of this release (those the officer clears; a line approved
     * meanwhile waits for the next one), the refused lines awaiting a fate, and a blank decision (the
     * previous release's answers are not this one's).
     */
    public void show(DelegateExecution execution) {
        Map<ConsignmentLine, LineState> states = reviews.lineStates(Vars.CONSIGNMENT_REFERENCE.get(execution));
        List<ConsignmentLine> ready = states.entrySet().stream().filter(ReleasePlan::releasable)
                .map(Map.Entry::getKey).toList();
        // numbers only: a form shows this as Markdown, and descriptions are the consignee's words
        Vars.LINES_TO_RELEASE.set(execution, ready.isEmpty() ? "none"
                : String.join(", ", ready.stream().map(l -> String.valueOf(l.lineNo())).toList()));
        List<Integer> lineNos = ready.stream().map(ConsignmentLine::lineNo).toList();
        Vars.LINE_NUMBERS_TO_RELEASE.set(execution, lineNos);
        execution.setVariables(documents.forRelease(consignments.findByReference(
                Vars.CONSIGNMENT_REFERENCE.get(execution)).orElseThrow(), lineNos));
        Vars.REFUSED_LINES_AWAITING_FATE.set(execution, !refusedWithoutFate(states).isEmpty());
        Vars.LINES.set(execution, caseLines.variable(List.copyOf(states.keySet())));
        for (var stale : List.of(Vars.CLEARANCE_DECISION, Vars.RELEASE_REASON, Vars.EXAMINATION_REASON,
                Vars.REJECTED_LINES_FATE, Vars.PERMIT_CONDITIONS_NOTE, Vars.EXAMINATION_RESULT,
                Vars.EXAMINATION_FINDINGS, Vars.DECLARATION_NUMBER, Vars.DOCUMENTS_WAIVER_REASON)) {
            execution.removeVariable(stale.name());
        }
        Vars.RELEASE_BEFORE_DECLARATION.set(execution, false);
        Vars.DECLARATION_EXTENDED.set(execution, false);
    }

    /**
     * Completion of a declaration that follows a release made before it
     * ({@code ${releasePlan.declared(task)}}): the declaration number goes on that release.
     */
    public void declared(DelegateTask task) {
        String declaration = Vars.DECLARATION_NUMBER.get(task);
        String release = Vars.RELEASE_NUMBER.get(task);
        if (declaration != null && release != null) {
            milestones.declared(release, declaration);
        }
    }

    /**
     * Completion of Task_ClearAtPort ({@code ${releasePlan.documentsWaived(task)}}): a release during an
     * emergency without all its documents is on the timeline with the waiver's reason.
     */
    public void documentsWaived(DelegateTask task) {
        String reason = Vars.DOCUMENTS_WAIVER_REASON.get(task);
        if (reason != null && !reason.isBlank()) {
            consignments.addEvent(Vars.CONSIGNMENT_REFERENCE.get(task), Actors.current(identity, task.getAssignee()),
                    TimelineEvent.DOCUMENTS_WAIVED, null, "Missing: " + task.getVariable(
                            DocumentsOnForms.MISSING_FOR_RELEASE) + ". " + reason.strip());
        }
    }

    private static List<ConsignmentLine> inState(Map<ConsignmentLine, LineState> states, LineState state) {
        return states.entrySet().stream().filter(e -> e.getValue() == state).map(Map.Entry::getKey).toList();
    }

    private static List<ConsignmentLine> refusedWithoutFate(Map<ConsignmentLine, LineState> states) {
        return inState(states, LineState.REFUSED).stream().filter(l -> l.fate() == null).toList();
    }
}
