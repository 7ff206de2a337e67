package org.reliefclearance.clearance;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.screening.ConsigneeEligibility;
import org.springframework.stereotype.Component;

/** The consignee's eligibility by its kind (consignee-eligibility.dmn); also puts what every task form shows on the case. */
@Component("checkConsigneeEligibility")
class CheckConsigneeEligibility implements JavaDelegate {

    private static final DateTimeFormatter ARRIVAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ConsigneeEligibility eligibility;
    private final ConsignmentRepository consignments;
    private final Registry registry;
    private final Clock clock;

    CheckConsigneeEligibility(ConsigneeEligibility eligibility, ConsignmentRepository consignments,
                              Registry registry, Clock clock) {
        this.eligibility = eligibility;
        this.consignments = consignments;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = Vars.CONSIGNMENT_REFERENCE.get(execution);
        Consignment consignment = consignments.findByReference(reference).orElseThrow();

        ConsigneeEligibility.Result result = eligibility.check(reference, consignment.organisationCode());

        Vars.ELIGIBILITY_OUTCOME.set(execution, result.outcome());
        Vars.CONSIGNEE_ELIGIBLE.set(execution, result.eligible());
        Vars.ELIGIBILITY_REASON.set(execution, result.reason());
        Vars.ORGANISATION_NAME.set(execution,
                result.organisationName() == null ? consignment.organisationCode() : result.organisationName());
        Vars.PORT_NAME.set(execution, registry.port(consignment.portCode()).orElseThrow().name());
        Vars.EXPECTED_ARRIVAL.set(execution, consignment.expectedArrival()
                .atZoneSameInstant(clock.getZone()).format(ARRIVAL) + " (" + clock.getZone().getId() + ")");
    }
}
