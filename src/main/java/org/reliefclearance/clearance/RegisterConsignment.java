package org.reliefclearance.clearance;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * A case started from the Tasklist start form: stores the notification for the organisation of
 * the user who submitted it, then gives the case its reference and the usual start variables.
 */
@Component("registerConsignment")
class RegisterConsignment implements JavaDelegate {

    private final ConsignmentRegistration registration;
    private final StartFormNotification form;
    private final Registry registry;
    private final IdentityService identity;

    RegisterConsignment(ConsignmentRegistration registration, StartFormNotification form, Registry registry,
                        IdentityService identity) {
        this.registration = registration;
        this.form = form;
        this.registry = registry;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String initiator = ClearanceProcess.Vars.INITIATOR.get(execution);
        if (initiator == null) {
            throw new IllegalStateException("The start form was submitted without an authenticated user");
        }
        List<String> groups = identity.createGroupQuery().groupMember(initiator).list().stream()
                .map(Group::getId).toList();
        Organisation organisation = registry.organisationOfGroups(groups).orElseThrow(() ->
                new IllegalStateException("User " + initiator + " does not act for a registered organisation"));

        Consignment stored = registration.store(form.read(execution, organisation.code()), initiator);

        execution.setProcessBusinessKey(stored.reference());
        execution.setVariables(registration.startVariables(stored));
    }
}
