package org.reliefclearance.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.emergency.EmergencyState;
import org.reliefclearance.identity.ServiceReads;
import org.reliefclearance.modelguard.ModelBean;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deadlines of the SOP's steps, as the process owner set them in {@code clearance-deadlines.dmn}.
 * Used by the processes' timers ({@code ${deadlines.dueAt('AUTHORITY_REVIEW', authority, execution)}}) and the
 * API. A case's deadline is the emergency one while an emergency in force covers the province its goods
 * are bound for; outside a case (a lookup before notifying) only an emergency covering all provinces
 * counts. "Now" is the service's clock, the engine's, the same one that fires the timers.
 */
@ModelBean
@Service("deadlines")
public class Deadlines {

    public static final String DECISION = "clearance-deadlines";
    public static final String NO_AUTHORITY = "-";

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private final DecisionService decisions;
    private final ServiceReads reads;
    private final Clock clock;
    private final EmergencyState emergencyState;
    private final Registry registry;

    Deadlines(DecisionService decisions, ServiceReads reads, EmergencyState emergencyState,
              Registry registry, Clock clock) {
        this.decisions = decisions;
        this.reads = reads;
        this.emergencyState = emergencyState;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * The deadline of {@code step} starting now, for no case in particular; {@code authorityCode} may be
     * null for steps without one.
     */
    public Deadline deadline(DeadlineStep step, String authorityCode) {
        return deadline(step, authorityCode, now());
    }

    public Deadline deadline(DeadlineStep step, String authorityCode, Instant startsAt) {
        return deadline(step, authorityCode, startsAt, emergencyState.coversProvince(null));
    }

    /** The deadline of {@code step} of consignment {@code reference}, starting now. */
    public Deadline forCase(String reference, DeadlineStep step, String authorityCode) {
        return forCase(reference, step, authorityCode, now());
    }

    public Deadline forCase(String reference, DeadlineStep step, String authorityCode, Instant startsAt) {
        return deadline(step, authorityCode, startsAt, emergencyState.coversConsignment(reference));
    }

    /** The deadline by the normal or the emergency rule, as asked. */
    public Deadline deadline(DeadlineStep step, String authorityCode, Instant startsAt, boolean emergency) {
        String authority = authorityCode == null || authorityCode.isBlank() ? NO_AUTHORITY : authorityCode;
        DmnDecisionResultEntries rule = evaluate(step.name(), authority, emergency);
        if (rule == null) {
            throw new IllegalStateException(DECISION + " has no rule for " + step + "/" + authority);
        }
        Integer hours = asInteger(rule.getEntryMap(), "hours");
        Integer workingDays = asInteger(rule.getEntryMap(), "workingDays");
        // Each rule fills the column of its mode; a rule may leave it empty to keep the other one.
        boolean workingTime = emergency ? hours == null : workingDays != null;
        if (workingTime && workingDays == null || !workingTime && hours == null) {
            throw new IllegalStateException(DECISION + " gives no duration for " + step + "/" + authority);
        }
        Instant dueAt;
        Instant reminderAt;
        String description;
        if (workingTime) {
            Duration span = Duration.ofDays(workingDays);
            WorkingCalendar calendar = calendar();
            dueAt = calendar.addWorkingTime(startsAt, span);
            reminderAt = calendar.addWorkingTime(startsAt, span.dividedBy(2));
            description = workingDays + (workingDays == 1 ? " working day" : " working days");
        } else {
            Duration span = Duration.ofHours(hours);
            dueAt = startsAt.plus(span);
            reminderAt = startsAt.plus(span.dividedBy(2));
            description = hours + (hours == 1 ? " hour" : " hours");
        }
        if (emergency) {
            description += " (emergency)";
        }
        return new Deadline(step, authority, emergency, workingTime, startsAt, dueAt, reminderAt, description);
    }

    /** For BPMN timer expressions: {@code ${deadlines.dueAt('ENDORSEMENT', null)}}, for no case in particular. */
    public Date dueAt(String step, String authorityCode) {
        return Date.from(deadline(DeadlineStep.valueOf(step), authorityCode).dueAt());
    }

    /**
     * For a step of no one case that exists only while an emergency is in force, wherever it is declared
     * (deciding an organisation's recognition): {@code ${deadlines.dueAtInAnyEmergency('RECOGNITION', '-')}}.
     */
    public Date dueAtInAnyEmergency(String step, String authorityCode) {
        return Date.from(deadline(DeadlineStep.valueOf(step), authorityCode, now(), emergencyState.isActive()).dueAt());
    }

    /**
     * For a case's timers and tasks: {@code ${deadlines.dueAt('ENDORSEMENT', '-', execution)}}. The case
     * is the process's business key, set by the service when it starts the case, never by a caller.
     */
    public Date dueAt(String step, String authorityCode, DelegateExecution execution) {
        return Date.from(forCase(execution.getProcessBusinessKey(), DeadlineStep.valueOf(step), authorityCode).dueAt());
    }

    /** The end of today in the service's zone, for the Tasklist filter "Due today": {@code ${deadlines.endOfToday()}}. */
    public Date endOfToday() {
        return Date.from(now().atZone(clock.getZone()).toLocalDate().plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    /**
     * The deadline of {@code thenStep} that starts when {@code step}'s ends, e.g. the head's time after an
     * officer's: {@code ${deadlines.dueAfter('ENDORSEMENT', '-', 'HEAD_OF_AUTHORITY')}}.
     */
    public Date dueAfter(String step, String authorityCode, String thenStep) {
        Instant first = deadline(DeadlineStep.valueOf(step), authorityCode).dueAt();
        return Date.from(deadline(DeadlineStep.valueOf(thenStep), authorityCode, first).dueAt());
    }

    /** {@link #dueAfter(String, String, String)} for the case of {@code execution}. */
    public Date dueAfter(String step, String authorityCode, String thenStep, DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        Instant first = forCase(reference, DeadlineStep.valueOf(step), authorityCode).dueAt();
        return Date.from(forCase(reference, DeadlineStep.valueOf(thenStep), authorityCode, first).dueAt());
    }

    /** Half time of the step's deadline, for reminder timers. */
    public Date reminderAt(String step, String authorityCode) {
        return Date.from(deadline(DeadlineStep.valueOf(step), authorityCode).reminderAt());
    }

    /** {@link #reminderAt(String, String)} for the case of {@code execution}. */
    public Date reminderAt(String step, String authorityCode, DelegateExecution execution) {
        return Date.from(forCase(execution.getProcessBusinessKey(), DeadlineStep.valueOf(step), authorityCode)
                .reminderAt());
    }

    /** The time left until {@code dueAt}, counted the way the deadline counts (working or calendar time). */
    public Duration remaining(Instant dueAt, boolean workingTime) {
        Instant now = now();
        return workingTime ? calendar().workingTimeBetween(now, dueAt)
                : dueAt.isAfter(now) ? Duration.between(now, dueAt) : Duration.ZERO;
    }

    /** The instant {@code remaining} from now, counted as working or calendar time: resumes a paused clock. */
    public Instant resume(Duration remaining, boolean workingTime) {
        Instant now = now();
        return workingTime ? calendar().addWorkingTime(now, remaining) : now.plus(remaining);
    }

    /**
     * The working calendar as the registry has it now: its public holidays are read for each deadline,
     * so one added at run time moves every deadline computed afterwards, on every node, without a cache
     * to go stale.
     */
    public WorkingCalendar calendar() {
        return new WorkingCalendar(clock.getZone(), registry.holidayDates());
    }

    /** "Tue 10 Mar 2026 15:00 (Asia/Vientiane)" for forms and the timeline. */
    public String display(Instant instant) {
        return DISPLAY.format(instant.atZone(clock.getZone())) + " (" + clock.getZone().getId() + ")";
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * The rule for a step, asked once per transaction: a task's due date, its reminder, its deadline
     * timer and the head's time after it are set in one step, and the decision's history then shows
     * the one evaluation they all came from. Outside a transaction, each call asks.
     */
    private DmnDecisionResultEntries evaluate(String step, String authority, boolean emergency) {
        Map<List<Object>, Optional<DmnDecisionResultEntries>> asked = askedInThisTransaction();
        if (asked == null) {
            return ask(step, authority, emergency);
        }
        List<Object> question = List.of(step, authority, emergency);
        Optional<DmnDecisionResultEntries> answer = asked.get(question);
        if (answer == null) {
            answer = Optional.ofNullable(ask(step, authority, emergency));
            asked.put(question, answer);
        }
        return answer.orElse(null);
    }

    @SuppressWarnings("unchecked")
    private Map<List<Object>, Optional<DmnDecisionResultEntries>> askedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<List<Object>, Optional<DmnDecisionResultEntries>>) bound;
        }
        Map<List<Object>, Optional<DmnDecisionResultEntries>> asked = new HashMap<>();
        TransactionSynchronizationManager.bindResource(this, asked);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(Deadlines.this);
            }
        });
        return asked;
    }

    /**
     * Deadlines are public information: every caller (an organisation's API call, a delegate
     * running for a ministry official) may know them without a permission on the decision.
     */
    private DmnDecisionResultEntries ask(String step, String authority, boolean emergency) {
        return reads.read(() -> decisions.evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables()
                        .putValue("step", step)
                        .putValue("authority", authority)
                        .putValue("emergency", emergency))
                .evaluate()
                .getSingleResult());
    }

    private static Integer asInteger(Map<String, Object> entries, String name) {
        return entries.get(name) instanceof Number n ? n.intValue() : null;
    }
}
