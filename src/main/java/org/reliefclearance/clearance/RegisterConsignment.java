package org.reliefclearance.clearance;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.registry.OfficialGroup.Role;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * A case started from the Tasklist start form: stores the notification, then gives the case its
 * reference and the usual start variables. A MoLSW official notifies for the organisation named
 * on the form (the engine door checked it, {@code StartFormRules}); the official is the actor.
 * Who started it is {@code initiator}, which the engine sets from the authenticated user and no
 * form may set.
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
        Optional<Organisation> own = registry.organisationOfGroups(groups);
        Consignment stored;
        if (own.isPresent()) {
            // submitted by an organisation's member before organisations left Tasklist: its own organisation
            stored = registration.store(form.read(execution, own.get().code()), initiator);
        } else if (registry.rolesOfGroups(groups).contains(Role.MOLSW)) {
            String named = StartFormNotification.organisationNamed(execution::getVariable);
            Organisation organisation = registry.organisation(named).orElseThrow(() ->
                    new IllegalStateException("The start form names no registered organisation: " + named));
            stored = registration.storeOnBehalf(form.read(execution, organisation.code()), initiator, organisation);
        } else {
            throw new IllegalStateException("User " + initiator + " neither is a MoLSW official nor acts for a"
                    + " registered organisation");
        }

        execution.setProcessBusinessKey(stored.reference());
        execution.setVariables(registration.startVariables(stored));
    }
}
