package org.reliefclearance.clearance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.customs.CustomsHandOffOutbox;
import org.reliefclearance.customs.CustomsRefusedException;
import org.reliefclearance.customs.CustomsSystem;
import org.reliefclearance.customs.CustomsSystemProperties;
import org.reliefclearance.customs.CustomsSystemUnavailableException;
import org.reliefclearance.customs.Declaration;
import org.reliefclearance.enginetuning.ExternalTaskCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Works the external tasks of topic {@value #TOPIC}: hands a release's clearance decision to the national
 * customs system and completes the task with the declaration it answers. The HTTP call runs outside any
 * engine transaction; a failure is handed back with the configured back-off and, after the last one,
 * becomes an incident in Cockpit; a refusal of the main release goes back to the port as a BPMN error.
 * Completing the task may collide with a step of the case's other branch changing it at the same moment
 * (optimistic locking, a deadlock PostgreSQL breaks, the case's executions reshaped between two reads:
 * {@code enginetuning/Collision}): the answer is
 * handed in again once that change has committed, not turned into a failure, since the customs system
 * has answered already. Should the case keep changing at every attempt, the task waits out the back-off
 * and the next fetch asks again under the same key, as after a failure of the customs system.
 * Every node runs it: the engine locks each task to one poll of one node, the lock is renewed as each
 * hand-off's turn comes, and one that stopped being this poll's (its case withdrawn, its lock taken
 * over) is left alone, before the call or after it; the idempotency key (reference and release number) makes a repeated call
 * answer the same declaration.
 */
@Component
public class CustomsDeclarationWorker {

    public static final String TOPIC = "customs-declaration";
    public static final String REFUSED = "CUSTOMS_REFUSED";

    private static final Logger log = LoggerFactory.getLogger(CustomsDeclarationWorker.class);

    private final ExternalTaskService externalTasks;
    private final CustomsSystem customsSystem;
    private final CustomsSystemProperties properties;
    private final CustomsHandOffOutbox outbox;
    private final ClearanceDecisions decisions;
    private final ObjectMapper json;
    private final String workerId = "relief-clearance-" + UUID.randomUUID();
    /** Each poll locks under a name of its own: a woken poll and the scheduled one may run at once. */
    private final AtomicLong polls = new AtomicLong();
    private final TaskScheduler scheduler;
    private final ConcurrentChangeRetry retry;
    private final AtomicBoolean woken = new AtomicBoolean();

    CustomsDeclarationWorker(ExternalTaskService externalTasks, CustomsSystem customsSystem,
                             CustomsSystemProperties properties, CustomsHandOffOutbox outbox,
                             ClearanceDecisions decisions, ObjectMapper json, TaskScheduler scheduler,
                             ConcurrentChangeRetry retry) {
        this.scheduler = scheduler;
        this.retry = retry;
        this.externalTasks = externalTasks;
        this.customsSystem = customsSystem;
        this.properties = properties;
        this.outbox = outbox;
        this.decisions = decisions;
        this.json = json;
    }

    @Scheduled(fixedDelayString = "${relief.customs-system.poll-interval:PT2S}", initialDelayString = "PT5S")
    void poll() {
        if (Boolean.TRUE.equals(properties.workerEnabled())) {
            workOnce();
        }
    }

    /**
     * A hand-off was committed on this node: fetch it now, not at the next poll. One woken poll at a
     * time; a hand-off committed while it runs wakes another.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void handOffCreated(ExternalTaskCreated created) {
        if (TOPIC.equals(created.topic()) && Boolean.TRUE.equals(properties.workerEnabled())
                && woken.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                woken.set(false);
                poll();
            }, scheduler.getClock().instant());
        }
    }

    /**
     * Fetches the waiting hand-offs, works each; returns how many there were. A hand-off that cannot
     * be reported at all (its case was withdrawn meanwhile, or its lock expired and another node took
     * it) does not hold up the rest of the batch: whatever the engine still knows of it comes back
     * when its lock expires.
     */
    public int workOnce() {
        List<LockedExternalTask> tasks = externalTasks.fetchAndLock(10, workerId + "/" + polls.incrementAndGet())
                .topic(TOPIC, lockMillis())
                .variables(Vars.CONSIGNMENT_REFERENCE.name(), Vars.RELEASE_NUMBER.name())
                .execute();
        for (LockedExternalTask task : tasks) {
            try {
                String notOurs = renewLock(task);
                if (notOurs == null) {
                    work(task);
                } else {
                    log.info("Hand-off {} of {} left alone: {}", task.getId(), task.getBusinessKey(), notOurs);
                }
            } catch (RuntimeException unreported) {
                log.warn("Hand-off {} of {} could not be reported to the engine", task.getId(),
                        task.getBusinessKey(), unreported);
            }
        }
        return tasks.size();
    }

    /**
     * Why the hand-off is no longer this poll's to work (its case withdrawn, or its lock expired and
     * another node or poll took it), or null while it is. One that is not is left to whoever has it,
     * and the customs system is not asked twice.
     */
    private String whyNoLongerOurs(LockedExternalTask task) {
        ExternalTask now = externalTasks.createExternalTaskQuery().externalTaskId(task.getId()).singleResult();
        if (now == null) {
            return "its case no longer waits for it";
        }
        return task.getWorkerId().equals(now.getWorkerId()) ? null : "another worker has it now";
    }

    /**
     * Each call may take the customs system's timeout, so the later hand-offs of a batch would outlive
     * the lock taken at the fetch: the lock is renewed as each one's turn comes. When it cannot be,
     * the hand-off is read back: one no longer this poll's is left alone (why is returned); one whose
     * lock merely expired, or whose case is suspended, is worked as fetched (null), as before renewals.
     */
    private String renewLock(LockedExternalTask task) {
        try {
            externalTasks.extendLock(task.getId(), task.getWorkerId(), lockMillis());
            return null;
        } catch (BadUserRequestException notRenewed) {
            log.debug("Lock of hand-off {} not renewed: {}", task.getId(), notRenewed.getMessage());
            return whyNoLongerOurs(task);
        }
    }

    private long lockMillis() {
        return properties.timeout().multipliedBy(3).toMillis();
    }

    private void work(LockedExternalTask task) {
        String reference = (String) task.getVariables().get(Vars.CONSIGNMENT_REFERENCE.name());
        String releaseNumber = (String) task.getVariables().get(Vars.RELEASE_NUMBER.name());
        try {
            String notOurs = answer(task, reference, releaseNumber);
            if (notOurs != null) {
                // the customs system has answered for a hand-off nothing here waits for any more (another
                // node asks again under the same key); a declaration for a withdrawn case may need cancelling
                log.warn("Hand-off of {} answered by the customs system, but {}", releaseNumber, notOurs);
            }
        } catch (CustomsSystemUnavailableException unavailable) {
            outbox.failed(releaseNumber, unavailable.getMessage());
            fail(task, unavailable.getMessage(), retriesLeft(task));
        } catch (ConcurrentChangeRetry.CaseKeptChanging collided) {
            // the customs system has answered; the next fetch asks it again under the same key and hands that in
            fail(task, "The case kept changing while the customs system's answer was handed in; it is handed in again",
                    retriesLeft(task));
        } catch (RuntimeException | JsonProcessingException unexpected) {
            failedUnexpectedly(task, releaseNumber, unexpected);
        }
    }

    /**
     * Asks the customs system and hands its answer, a declaration or a refusal, to the engine; returns
     * why the engine did not take it when the hand-off stopped being this poll's meanwhile (see
     * {@link #reported}). Whatever else goes wrong, the engine refusing the answer included, is thrown
     * for {@link #work} to report as a failure.
     */
    private String answer(LockedExternalTask task, String reference, String releaseNumber)
            throws JsonProcessingException {
        try {
            Declaration declared = declare(reference, releaseNumber);
            Map<String, Object> answer = declared == null ? Map.of() : Map.of(
                    Vars.CUSTOMS_DECLARATION_NUMBER.name(), declared.declarationNumber(),
                    Vars.CUSTOMS_PROCEDURE_CODE.name(), declared.procedureCode(),
                    Vars.CUSTOMS_RELEASE_ORDER.name(), declared.releaseOrder());
            return reported(task,
                    () -> retry.inTransaction(() -> externalTasks.complete(task.getId(), task.getWorkerId(), answer)));
        } catch (CustomsRefusedException refused) {
            if (!ClearanceProcess.Elements.HAND_OVER_TO_CUSTOMS_SYSTEM.equals(task.getActivityId())) {
                // an emergency release has left already: its refusal is for the process owner to see
                fail(task, "Customs refused " + releaseNumber + ": " + refused.getMessage(), 0);
                return null;
            }
            return reported(task, () -> retry.inTransaction(() -> externalTasks.handleBpmnError(task.getId(),
                    task.getWorkerId(), REFUSED, refused.getMessage(),
                    Map.of(Vars.CUSTOMS_REFUSAL.name(), refused.getMessage()))));
        }
    }

    private void failedUnexpectedly(LockedExternalTask task, String releaseNumber, Exception unexpected) {
        log.error("Hand-off of {} failed", releaseNumber, unexpected);
        fail(task, String.valueOf(unexpected.getMessage()), 0);
    }

    /** The declaration, or null when no customs system is connected (the outbox keeps it for collection). */
    private Declaration declare(String reference, String releaseNumber) throws JsonProcessingException {
        String payload = json.writeValueAsString(decisions.of(reference, releaseNumber));
        outbox.prepare(reference, releaseNumber, payload);
        if (!customsSystem.connected()) {
            outbox.handedOver(releaseNumber, CustomsHandOffOutbox.Status.RECORDED);
            return null;
        }
        Declaration declared = customsSystem.declare(reference + "/" + releaseNumber, payload);
        outbox.declared(releaseNumber, declared.declarationNumber());
        return declared;
    }

    private int retriesLeft(LockedExternalTask task) {
        int retries = task.getRetries() == null ? customsSystem.retryBackOff().size() : task.getRetries() - 1;
        return Math.max(retries, 0);
    }

    private void fail(LockedExternalTask task, String message, int retries) {
        List<Duration> backOff = customsSystem.retryBackOff();
        long wait = retries == 0 || backOff.isEmpty() ? 0
                : backOff.get(Math.max(0, backOff.size() - retries)).toMillis();
        String shortMessage = message.length() <= 600 ? message : message.substring(0, 600);
        String notOurs = reported(task,
                () -> externalTasks.handleFailure(task.getId(), task.getWorkerId(), shortMessage, message, retries, wait));
        if (notOurs != null) {
            log.info("Failure of hand-off {} of {} not reported: {}", task.getId(), task.getBusinessKey(), notOurs);
        }
    }

    /**
     * Hands one answer to the engine. Returns why it was refused when the refusal is only that the
     * hand-off stopped being this poll's meanwhile (it is then whoever has it now's to work), null when
     * it was taken; any other refusal is thrown.
     */
    private String reported(LockedExternalTask task, Runnable report) {
        try {
            report.run();
            return null;
        } catch (BadUserRequestException refused) {
            String notOurs = whyNoLongerOurs(task);
            if (notOurs == null) {
                throw refused;
            }
            return notOurs;
        }
    }
}
