package org.reliefclearance.recognition;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.recognition.OrganisationRecognition.Vars;
import org.springframework.stereotype.Component;

/** Writes MoLSW's decision to the registry, in the transaction of the official's completion. */
@Component("recordRecognitionDecision")
class RecordRecognitionDecision implements JavaDelegate {

    private final RecognitionDecisions decisions;
    private final IdentityService identity;

    RecordRecognitionDecision(RecognitionDecisions decisions, IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecognitionDecision decision = Vars.RECOGNITION_DECISION.require(execution);
        String reason = Vars.RECOGNITION_REASON.get(execution);
        decisions.decide(Vars.ORGANISATION_CODE.require(execution), decision, reason, Actors.current(identity, null));
    }
}
