package org.reliefclearance.screening;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.emergency.EmergencyState;
import org.reliefclearance.identity.ServiceReads;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Registry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Step 3 of the SOP: whether the consignee may import relief, by its kind and standing. The rule is
 * the process owner's ({@code bpmn/consignee-eligibility.dmn}); this class gathers the facts it needs
 * from the registry and the emergency in force, and words the answer for the timeline.
 */
@Service
public class ConsigneeEligibility {

    /** The decision's key in bpmn/consignee-eligibility.dmn. */
    public static final String DECISION = "consignee-eligibility";

    private final Registry registry;
    private final ConsignmentRepository consignments;
    private final EmergencyState emergencyState;
    /** Looked up when needed: the engine's start-form door asks this service, so the engine needs it first. */
    private final ObjectProvider<ProcessEngine> engine;
    private final ServiceReads reads;
    private final Clock clock;

    ConsigneeEligibility(Registry registry, ConsignmentRepository consignments, EmergencyState emergencyState,
                         ObjectProvider<ProcessEngine> engine, ServiceReads reads, Clock clock) {
        this.registry = registry;
        this.consignments = consignments;
        this.emergencyState = emergencyState;
        this.engine = engine;
        this.reads = reads;
        this.clock = clock;
    }

    public record Result(EligibilityOutcome outcome, String reason, String organisationName) {

        public boolean eligible() {
            return outcome == EligibilityOutcome.ELIGIBLE;
        }

        /** What the timeline says: the outcome, then why. */
        public String timelineText() {
            return switch (outcome) {
                case ELIGIBLE -> "Eligible: ";
                case RECOGNITION_NEEDED -> "Waiting for recognition by MoLSW: ";
                case NOT_ELIGIBLE -> "Not eligible: ";
            } + reason;
        }
    }

    /** Checks the consignee of the consignment and notes the outcome in its timeline. */
    public Result check(String reference, String organisationCode) {
        Result result = assess(organisationCode);
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.ELIGIBILITY_CHECKED, null, result.timelineText());
        return result;
    }

    /** The same judgement without a case: whether this organisation may import relief today. */
    public Result assess(String organisationCode) {
        Optional<Organisation> found = organisationCode == null ? Optional.empty() : registry.organisation(organisationCode);
        if (found.isEmpty()) {
            return new Result(EligibilityOutcome.NOT_ELIGIBLE, "The consignee is not a registered organisation", null);
        }
        Organisation o = found.get();
        Map<String, Object> facts = facts(o, LocalDate.now(clock), emergencyState.isActive());
        // the rule is public: the service reads it for any caller
        DmnDecisionResultEntries rule = reads.read(() -> engine.getObject().getDecisionService().evaluateDecisionByKey(DECISION)
                .variables(Variables.fromMap(facts)).evaluate().getFirstResult());
        if (rule == null) {
            throw new IllegalStateException(DECISION + " has no rule for " + facts);
        }
        return new Result(EligibilityOutcome.valueOf(rule.getEntry("outcome")),
                o.name() + " " + rule.getEntry("reason") + details(o), o.name());
    }

    /** The decision's inputs; dates are judged on {@code today}, in the service's zone. */
    static Map<String, Object> facts(Organisation o, LocalDate today, boolean emergencyActive) {
        return Map.of("kind", o.kind(), "status", o.status(),
                "mouValid", o.hasValidMouOn(today),
                "permitValid", o.operatingPermitValidUntil() != null && !o.operatingPermitValidUntil().isBefore(today),
                "hasCounterpartMinistry", o.counterpartMinistry() != null && !o.counterpartMinistry().isBlank(),
                "emergencyActive", emergencyActive);
    }

    /** What the registry holds of the organisation's agreements, for the reader of the timeline. */
    static String details(Organisation o) {
        List<String> held = new ArrayList<>();
        if (o.counterpartMinistry() != null && !o.counterpartMinistry().isBlank()) {
            held.add("counterpart: " + o.counterpartMinistry());
        }
        if (o.mouValidUntil() != null) {
            held.add("MoU valid until " + o.mouValidUntil());
        }
        if (o.operatingPermitValidUntil() != null) {
            held.add("operating permit valid until " + o.operatingPermitValidUntil());
        }
        return held.isEmpty() ? "" : " (" + String.join("; ", held) + ")";
    }
}
