package org.reliefclearance.recognition;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.identity.ServiceReads;
import org.reliefclearance.recognition.OrganisationRecognition.Vars;
import org.springframework.stereotype.Component;

/**
 * Tells every case of the organisation that waits for recognition that MoLSW decided: each checks
 * its consignee again. Runs as the service (the official who decided may not touch the cases) and
 * after the decision is committed, so a failed delivery is retried without deciding again.
 */
@Component("notifyWaitingConsignments")
class NotifyWaitingConsignments implements JavaDelegate {

    private final ServiceReads service;

    NotifyWaitingConsignments(ServiceReads service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String organisation = Vars.ORGANISATION_CODE.require(execution);
        service.run(() -> execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(ClearanceProcess.Messages.RECOGNITION_DECIDED)
                .processInstanceVariableEquals(ClearanceProcess.Vars.ORGANISATION_CODE.name(), organisation)
                .correlateAll());
    }
}
