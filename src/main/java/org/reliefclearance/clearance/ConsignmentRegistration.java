package org.reliefclearance.clearance;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.NewConsignment;
import org.reliefclearance.consignment.ReferenceGenerator;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.emergency.Emergency;
import org.reliefclearance.emergency.EmergencyState;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Port;
import org.reliefclearance.registry.Provinces;
import org.reliefclearance.registry.Registry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place a clearance case is started: the consignment row, its first timeline entry
 * and the process instance commit together, or not at all.
 */
@Service
public class ConsignmentRegistration {

    private static final String RECEIVED = "Pre-arrival notification received";

    private final ConsignmentRepository consignments;
    private final ReferenceGenerator references;
    private final Registry registry;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final EmergencyState emergencies;
    private final Provinces provinces;

    ConsignmentRegistration(ConsignmentRepository consignments, ReferenceGenerator references, Registry registry,
                            RuntimeService runtime, TransactionTemplate transaction, EmergencyState emergencies,
                            Provinces provinces) {
        this.provinces = provinces;
        this.consignments = consignments;
        this.references = references;
        this.registry = registry;
        this.runtime = runtime;
        this.transaction = transaction;
        this.emergencies = emergencies;
    }

    public record Registered(Consignment consignment, boolean created) {
    }

    /**
     * Registers the notification and starts its case. With an idempotency key, a retry of the
     * same submission (also a concurrent one) returns the consignment created first.
     *
     * @throws IdempotencyKeyReusedException when the key was used for a different notification
     */
    public Registered register(NewConsignment notification, String actor, String idempotencyKey) {
        return register(notification, actor, idempotencyKey, stored -> { });
    }

    /**
     * As {@link #register(NewConsignment, String, String)}, with {@code alongside} run in the same
     * transaction once the consignment is stored and before its case starts (the portal's documents
     * lodged with the notification): all of it commits, or nothing. A retry that finds the
     * consignment created first does not run it again.
     */
    public Registered register(NewConsignment notification, String actor, String idempotencyKey,
                               Consumer<Consignment> alongside) {
        if (idempotencyKey != null) {
            Optional<Consignment> earlier = earlier(notification, idempotencyKey);
            if (earlier.isPresent()) {
                return new Registered(earlier.get(), false);
            }
        }
        try {
            return new Registered(transaction.execute(tx -> insertAndStart(notification, actor, idempotencyKey, alongside)),
                    true);
        } catch (DuplicateKeyException concurrentRetry) {
            if (idempotencyKey == null) {
                throw concurrentRetry;
            }
            return new Registered(earlier(notification, idempotencyKey).orElseThrow(() -> concurrentRetry), false);
        }
    }

    private Optional<Consignment> earlier(NewConsignment notification, String idempotencyKey) {
        Optional<Consignment> earlier = consignments.findByIdempotencyKey(notification.organisationCode(), idempotencyKey);
        earlier.ifPresent(c -> {
            String sent = consignments.idempotencyFingerprint(c.organisationCode(), idempotencyKey).orElse(null);
            if (sent != null && !sent.equals(notification.fingerprint())) {
                throw new IdempotencyKeyReusedException(c.reference());
            }
        });
        return earlier;
    }

    /** Stores the notification without starting a process: for a case already started from Tasklist. */
    public Consignment store(NewConsignment notification, String actor) {
        return store(notification, actor, RECEIVED);
    }

    /**
     * As {@link #store(NewConsignment, String)}, for a notification an official made on the
     * organisation's behalf: the official is the actor, the timeline says for whom.
     */
    public Consignment storeOnBehalf(NewConsignment notification, String official, Organisation organisation) {
        return store(notification, official, RECEIVED + " from official " + official + " on behalf of "
                + organisation.name() + " (" + organisation.code() + ")");
    }

    private Consignment store(NewConsignment notification, String actor, String detail) {
        String reference = references.nextConsignmentReference();
        consignments.insert(notification, reference, actor, null, emergencyInForce(notification));
        consignments.addEvent(reference, actor, TimelineEvent.NOTIFIED, null, detail + boundFor(notification));
        return consignments.findByReference(reference).orElseThrow();
    }

    /** The variables every case starts with, whichever way it was submitted. */
    public Map<String, Object> startVariables(Consignment c) {
        Port port = registry.port(c.portCode()).orElseThrow();
        return Variables.createVariables()
                .putValue(ClearanceProcess.Vars.CONSIGNMENT_REFERENCE.name(), c.reference())
                .putValue(ClearanceProcess.Vars.ORGANISATION_CODE.name(), c.organisationCode())
                .putValue(ClearanceProcess.Vars.PORT_CODE.name(), c.portCode())
                .putValue(ClearanceProcess.Vars.PORT_CUSTOMS_GROUP.name(), port.customsGroup())
                .putValue(ClearanceProcess.Vars.PROVISIONAL_DECLARATION.name(), c.provisionalDeclaration());
    }

    /** The timeline says where the goods go: it decides whether an emergency's rules apply. */
    private String boundFor(NewConsignment notification) {
        return provinces.find(notification.destinationProvince())
                .map(p -> "; bound for " + p.nameEn() + " (" + p.code() + ")").orElse("");
    }

    /** A consignment notified while an emergency covering its destination is in force is counted as one of its consignments. */
    private String emergencyInForce(NewConsignment notification) {
        return emergencies.activeFor(notification.destinationProvince()).map(Emergency::code).orElse(null);
    }

    private Consignment insertAndStart(NewConsignment notification, String actor, String idempotencyKey,
                                       Consumer<Consignment> alongside) {
        String reference = references.nextConsignmentReference();
        consignments.insert(notification, reference, actor, idempotencyKey, emergencyInForce(notification));
        consignments.addEvent(reference, actor, TimelineEvent.NOTIFIED, null, RECEIVED + boundFor(notification));
        Consignment stored = consignments.findByReference(reference).orElseThrow();
        alongside.accept(stored);
        runtime.startProcessInstanceByKey(ClearanceProcess.KEY, reference, startVariables(stored));
        return stored;
    }
}
