package org.reliefclearance.clearance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.Release;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.customs.CustomsHandOffOutbox;
import org.reliefclearance.customs.CustomsSystem;
import org.reliefclearance.customs.CustomsSystemUnavailableException;
import org.reliefclearance.customs.ReleaseRecord;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hands one release over to the national customs system through the outbox: the record is
 * stored once, sent until the customs system accepts it (a failure fails the job, which the
 * engine retries and finally turns into an incident), and never sent again once accepted.
 */
@Component("handOverToCustomsSystem")
class HandOverToCustomsSystem implements JavaDelegate {

    private final ConsignmentRepository consignments;
    private final CustomsHandOffOutbox outbox;
    private final CustomsSystem customsSystem;
    private final ObjectMapper json;
    private final ConsignmentMilestones milestones;

    HandOverToCustomsSystem(ConsignmentRepository consignments, CustomsHandOffOutbox outbox,
                            CustomsSystem customsSystem, ObjectMapper json, ConsignmentMilestones milestones) {
        this.consignments = consignments;
        this.milestones = milestones;
        this.outbox = outbox;
        this.customsSystem = customsSystem;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        String reference = ClearanceProcess.Vars.CONSIGNMENT_REFERENCE.get(execution);
        String releaseNumber = ClearanceProcess.Vars.RELEASE_NUMBER.require(execution);
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        Release release = milestones.releases(consignment.id()).stream()
                .filter(r -> r.releaseNumber().equals(releaseNumber)).findFirst().orElseThrow();
        String payload = json.writeValueAsString(
                ReleaseRecord.of(consignment, release, consignments.lines(consignment.id())));
        CustomsHandOffOutbox.HandOff handOff = outbox.prepare(reference, releaseNumber, payload);

        String detail;
        if (!customsSystem.connected()) {
            outbox.handedOver(releaseNumber, CustomsHandOffOutbox.Status.RECORDED);
            detail = "Release " + releaseNumber + " recorded for the customs system";
        } else {
            if (handOff.status() != CustomsHandOffOutbox.Status.SENT) {
                send(reference, releaseNumber, handOff.payload());
            }
            detail = "Release " + releaseNumber + " sent to the customs system";
        }
        // in the job's transaction: only the attempt that completes the step leaves a timeline entry
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.HANDED_OVER_TO_CUSTOMS, null, detail);
    }

    private void send(String reference, String releaseNumber, String payload) {
        try {
            customsSystem.send(reference + "/" + releaseNumber, payload);
        } catch (CustomsSystemUnavailableException e) {
            outbox.failed(releaseNumber, e.getMessage());
            throw e;
        }
        outbox.handedOver(releaseNumber, CustomsHandOffOutbox.Status.SENT);
    }
}
