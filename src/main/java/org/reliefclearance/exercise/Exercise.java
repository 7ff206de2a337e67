package org.reliefclearance.exercise;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.consignment.WrongStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exercise a facilitator runs: one at a time on this instance. Starting sets the service's clock to
 * the exercise's own; every tick moves it on and carries out what the scenario schedules up to then
 * (the emergency, the simulated consignees' notifications, documents and answers, the injects). The
 * officials' tasks are the trainees' alone.
 */
public class Exercise {

    static final int MAX_SPEED = 1440;
    private static final Logger log = LoggerFactory.getLogger(Exercise.class);

    /** Something the scenario makes happen at {@code at} after the start. */
    record Step(Duration at, String key, String label) {
    }

    /** The exercise under way. */
    private record Active(long runId, Scenario scenario, Instant start, List<Step> steps, Set<String> done,
                          Map<String, String> references, String[] emergency) {
    }

    /** What the facilitator's page shows. */
    public record View(long runId, String scenarioId, String title, Instant start, OffsetDateTime now, Duration elapsed,
                       boolean running, int speed, List<Step> next, List<IndexedInject> injects, Set<String> absent,
                       Set<String> closedPorts, List<ExerciseRuns.LogEntry> log, List<ExerciseRuns.Case> cases) {
    }

    public record IndexedInject(int index, Scenario.Inject inject, boolean fired) {
    }

    private final Scenarios scenarios;
    private final ExerciseClock clock;
    private final ExerciseRuns runs;
    private final SimulatedConsignee consignee;
    private final ExerciseEmergency emergency;
    private final Injects injects;
    private Active active;

    Exercise(Scenarios scenarios, ExerciseClock clock, ExerciseRuns runs, SimulatedConsignee consignee,
             ExerciseEmergency emergency, Injects injects) {
        this.scenarios = scenarios;
        this.clock = clock;
        this.runs = runs;
        this.consignee = consignee;
        this.emergency = emergency;
        this.injects = injects;
    }

    public List<Scenario> scenarios() {
        return scenarios.all();
    }

    /** Starts {@code scenarioId} at real {@code real}; its T+0 is now. @return the run's id */
    public synchronized long start(String scenarioId, Integer speed, String facilitator, Instant real) {
        if (active != null) {
            throw new WrongStateException("Exercise " + active.runId() + " is under way; end it first");
        }
        Scenario scenario = scenarios.find(scenarioId)
                .orElseThrow(() -> new InvalidInputException("scenario", "is not a scenario of this service"));
        int pace = speed == null ? scenario.speed() : checkedSpeed(speed);
        Instant start = real.truncatedTo(ChronoUnit.SECONDS);
        runs.endAbandoned(start);
        long run = runs.start(scenario, pace, facilitator, start);
        injects.clear();
        clock.start(start, real, pace);
        active = new Active(run, scenario, start, schedule(scenario), new HashSet<>(), new HashMap<>(), new String[1]);
        runs.log(run, start, "STARTED", "Exercise started by " + facilitator + " at " + pace + " times real time");
        runDue(start);
        return run;
    }

    public long start(String scenarioId, Integer speed, String facilitator) {
        return start(scenarioId, speed, facilitator, clock.realNow());
    }

    /** Moves the clock to real {@code real} and does what is due; nothing when no exercise runs. */
    public synchronized void tick(Instant real) {
        if (active == null || !clock.running()) {
            return;
        }
        runDue(clock.tick(real));
    }

    public void tick() {
        tick(clock.realNow());
    }

    public synchronized void pause(String facilitator, Instant real) {
        Active a = current();
        clock.pause(real);
        runs.status(a.runId(), ExerciseRuns.Status.PAUSED, clock.speed());
        runs.log(a.runId(), clock.at(real), "PAUSED", "Paused by " + facilitator);
    }

    public synchronized void resume(String facilitator, Instant real) {
        Active a = current();
        clock.resume(real);
        runs.status(a.runId(), ExerciseRuns.Status.RUNNING, clock.speed());
        runs.log(a.runId(), clock.at(real), "RESUMED", "Resumed by " + facilitator);
    }

    public synchronized void speed(int speed, String facilitator, Instant real) {
        Active a = current();
        clock.speed(checkedSpeed(speed), real);
        runs.status(a.runId(), clock.running() ? ExerciseRuns.Status.RUNNING : ExerciseRuns.Status.PAUSED, speed);
        runs.log(a.runId(), clock.at(real), "SPEED", facilitator + " set the speed to " + speed + " times real time");
    }

    /** Fires inject {@code index} of the scenario now (once; a fired inject is not fired again). */
    public synchronized void inject(int index, String facilitator, Instant real) {
        Active a = current();
        if (index < 0 || index >= a.scenario().injects().size()) {
            throw new InvalidInputException("inject", "is not an inject of the scenario");
        }
        String key = "inject:" + index;
        if (a.done().contains(key)) {
            throw new WrongStateException("Inject " + index + " has been fired");
        }
        Instant now = clock.tick(real);
        runs.log(a.runId(), now, "INJECT", facilitator + " fired an inject now");
        run(a, new Step(Duration.between(a.start(), now), key, ""), now);
    }

    /** Ends the exercise: its emergency ends, the clock is real again; the run stays for its debrief. */
    public synchronized long end(String facilitator, Instant real) {
        Active a = current();
        Instant now = clock.at(real);
        if (a.emergency()[0] != null) {
            try {
                emergency.end(a.emergency()[0]);
            } catch (RuntimeException e) {
                log.warn("The exercise's emergency {} could not be ended: {}", a.emergency()[0], e.getMessage());
            }
        }
        runs.log(a.runId(), now, "ENDED", "Ended by " + facilitator);
        runs.end(a.runId(), now);
        injects.clear();
        clock.stop();
        active = null;
        return a.runId();
    }

    public synchronized Optional<View> view(Instant real) {
        if (active == null) {
            return Optional.empty();
        }
        Active a = active;
        Instant now = clock.at(real);
        List<Step> next = a.steps().stream().filter(s -> !a.done().contains(s.key())).limit(8).toList();
        List<IndexedInject> all = new ArrayList<>();
        for (int i = 0; i < a.scenario().injects().size(); i++) {
            all.add(new IndexedInject(i, a.scenario().injects().get(i), a.done().contains("inject:" + i)));
        }
        return Optional.of(new View(a.runId(), a.scenario().id(), a.scenario().title(), a.start(), now.atOffset(ZoneOffset.UTC),
                Duration.between(a.start(), now), clock.running(), clock.speed(), next, all, injects.absent(),
                injects.closedPorts(), runs.log(a.runId()), runs.cases(a.runId())));
    }

    public Instant realNow() {
        return clock.realNow();
    }

    public synchronized Optional<Long> activeRun() {
        return Optional.ofNullable(active).map(Active::runId);
    }

    private Active current() {
        if (active == null) {
            throw new WrongStateException("No exercise is under way");
        }
        return active;
    }

    private static int checkedSpeed(int speed) {
        if (speed < 1 || speed > MAX_SPEED) {
            throw new InvalidInputException("speed", "must be between 1 and " + MAX_SPEED);
        }
        return speed;
    }

    /** After a jump each step happens at its own time, so the cases' timelines read as the scenario says. */
    private void runDue(Instant now) {
        Active a = active;
        boolean moved = false;
        for (Step step : a.steps()) {
            Instant due = a.start().plus(step.at());
            if (!due.isAfter(now) && !a.done().contains(step.key())) {
                clock.show(due);
                moved = true;
                run(a, step, due);
            }
        }
        if (moved) {
            clock.show(now);
        }
    }

    /** One step, logged; a step the case's state refuses (e.g. no question to answer) is logged as such. */
    private void run(Active a, Step step, Instant now) {
        a.done().add(step.key());
        String[] part = step.key().split(":");
        try {
            String what = switch (part[0]) {
                case "emergency" -> {
                    a.emergency()[0] = emergency.declare(a.scenario().emergency(), now);
                    yield "Emergency " + a.emergency()[0] + " declared: " + a.scenario().emergency().name();
                }
                case "notify" -> notify(a, planned(a, part[1]), now);
                case "document" -> lodge(a, part[1], part[2]);
                case "answer" -> answer(a, part[1], Integer.parseInt(part[2]));
                case "inject" -> inject(a, Integer.parseInt(part[1]));
                default -> throw new IllegalStateException("Unknown step " + step.key());
            };
            runs.log(a.runId(), now, part[0].toUpperCase(), what);
        } catch (RuntimeException e) {
            log.info("Exercise {} step {} not carried out: {}", a.runId(), step.key(), e.getMessage());
            runs.log(a.runId(), now, "NOT_DONE", step.key() + ": " + e.getMessage());
        }
    }

    private String notify(Active a, Scenario.Consignment planned, Instant now) {
        String port = injects.portFor(planned.port());
        String reference = consignee.notify(a.runId(), planned, port, now);
        a.references().put(planned.key(), reference);
        runs.addCase(a.runId(), planned.key(), reference);
        return planned.organisation() + " notified " + reference + " (" + planned.key() + ") for " + port
                + (port.equals(planned.port()) ? "" : ", not " + planned.port() + " which is closed");
    }

    private String lodge(Active a, String key, String type) {
        String reference = reference(a, key);
        consignee.lodge(reference, planned(a, key).organisation(), type);
        return planned(a, key).organisation() + " lodged " + type + " for " + reference;
    }

    private String answer(Active a, String key, int index) {
        String reference = reference(a, key);
        Scenario.Answer answer = planned(a, key).answers().get(index);
        consignee.answer(reference, planned(a, key).organisation(), answer);
        return planned(a, key).organisation() + " on " + reference + ": " + answer.action()
                + (answer.authority() == null ? "" : " to " + answer.authority());
    }

    private String inject(Active a, int index) {
        Scenario.Inject inject = a.scenario().injects().get(index);
        if (inject.kind() == Scenario.InjectKind.DOCUMENT_MISSING) {
            a.done().add("document:" + inject.consignment() + ":" + inject.documentType());
        }
        return inject.kind() + ": " + injects.apply(inject);
    }

    private static String reference(Active a, String key) {
        String reference = a.references().get(key);
        if (reference == null) {
            throw new IllegalStateException(key + " has not been notified");
        }
        return reference;
    }

    private static Scenario.Consignment planned(Active a, String key) {
        return a.scenario().consignments().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    /** Every step of the scenario in the order it falls due (a notification before its documents). */
    static List<Step> schedule(Scenario scenario) {
        List<Step> steps = new ArrayList<>();
        if (scenario.emergency() != null) {
            steps.add(new Step(scenario.emergency().at(), "emergency", "Emergency declared"));
        }
        for (Scenario.Consignment c : scenario.consignments()) {
            steps.add(new Step(c.at(), "notify:" + c.key(), c.organisation() + " notifies " + c.key()));
            for (Scenario.DocumentDue d : c.documents()) {
                steps.add(new Step(max(d.at(), c.at()), "document:" + c.key() + ":" + d.type(),
                        c.organisation() + " lodges " + d.type() + " for " + c.key()));
            }
            for (int i = 0; i < c.answers().size(); i++) {
                Scenario.Answer answer = c.answers().get(i);
                steps.add(new Step(max(answer.at(), c.at()), "answer:" + c.key() + ":" + i,
                        c.organisation() + ": " + answer.action() + " for " + c.key()));
            }
        }
        for (int i = 0; i < scenario.injects().size(); i++) {
            Scenario.Inject inject = scenario.injects().get(i);
            if (inject.at() != null) {
                steps.add(new Step(inject.at(), "inject:" + i, "Inject " + inject.kind()));
            }
        }
        // stable: at the same time, injects and notifications keep the file's order after the emergency
        steps.sort(Comparator.comparing(Step::at));
        return List.copyOf(steps);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
