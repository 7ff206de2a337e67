package org.reliefclearance.clearance;

import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.reliefclearance.consignment.WrongStateException;
import org.springframework.stereotype.Component;

/**
 * The application API's messages into running cases, in one place. They run without a Camunda
 * authenticated user: the API has already decided who may do what
 * ({@link org.reliefclearance.consignment.ConsignmentAccess}), and the engine's authorizations are
 * for Tasklist and Cockpit users.
 */
@Component
public class ClearanceEngine {

    private final RuntimeService runtime;
    private final IdentityService identity;

    ClearanceEngine(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    /**
     * Delivers a message to the case of this reference. A concurrent change of the case fails it
     * with Camunda's OptimisticLockingException, for the caller to retry ({@link ConcurrentChangeRetry}).
     *
     * @throws WrongStateException when the case does not wait for this message
     */
    public void correlate(String reference, String message, Map<String, Object> variables, String explanation) {
        deliver(() -> waits(reference, null, message), runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(reference).setVariables(variables), explanation);
    }

    /**
     * Tells the case that its lines changed outside a step (a tally): a release cycle waiting for lines
     * looks at them again.
     */
    public void linesChanged(String reference) {
        asApplication(() -> {
            for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                    .processDefinitionKey(ClearanceProcess.KEY).list()) {
                Object count = runtime.getVariable(instance.getId(), ClearanceProcess.Vars.CLEARANCE_PROGRESS.name());
                runtime.setVariable(instance.getId(), ClearanceProcess.Vars.CLEARANCE_PROGRESS.name(),
                        count instanceof Number n ? n.intValue() + 1 : 1);
            }
            return null;
        });
    }

    /** Whether the case of this reference is at one of these steps now. */
    public boolean isAt(String reference, Collection<String> activityIds) {
        return asApplication(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(ClearanceProcess.KEY).activityIdIn(activityIds.toArray(String[]::new))
                .count() > 0);
    }

    /** Delivers a message to the review of one authority within the case of this reference. */
    public void correlateToReview(String reference, String authorityCode, String message,
                                  Map<String, Object> variables, String explanation) {
        deliver(() -> waits(reference, authorityCode, message), runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(reference)
                .processInstanceVariableEquals(ClearanceProcess.Vars.AUTHORITY.name(), authorityCode)
                .setVariables(variables), explanation);
    }

    /**
     * Whether an instance of this case (with this authority, if given) subscribes to the message.
     * Asked first so that the usual "not now" needs no failed correlation (which the engine logs
     * as an error); the correlation's own failure still covers a race.
     */
    private boolean waits(String reference, String authorityCode, String message) {
        return asApplication(() -> {
            ProcessInstanceQuery instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference);
            if (authorityCode != null) {
                instances.variableValueEquals(ClearanceProcess.Vars.AUTHORITY.name(), authorityCode);
            }
            return instances.list().stream().anyMatch(instance -> runtime.createEventSubscriptionQuery()
                    .processInstanceId(instance.getId()).eventType("message").eventName(message)
                    .count() > 0);
        });
    }

    private void deliver(Supplier<Boolean> waiting, MessageCorrelationBuilder correlation, String explanation) {
        if (!waiting.get()) {
            throw new WrongStateException(explanation);
        }
        asApplication(() -> {
            try {
                correlation.correlateExclusively();
            } catch (MismatchingMessageCorrelationException notWaiting) {
                throw new WrongStateException(explanation);
            } catch (OptimisticLockingException concurrent) {
                throw concurrent;
            } catch (ProcessEngineException failed) {
                // Another node took the message between our look and the delivery (the engine then
                // finds the subscription gone): the case no longer waits, as for the look itself.
                if (!waiting.get()) {
                    throw new WrongStateException(explanation);
                }
                throw failed;
            }
            return null;
        });
    }

    private <T> T asApplication(Supplier<T> call) {
        Authentication previous = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (previous != null) {
                identity.setAuthentication(previous);
            }
        }
    }
}
