package org.reliefclearance.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.customs.simulator.SimulatorBehaviour;
import org.springframework.beans.factory.annotation.Autowired;

@ExerciseTest
class ExerciseScenarioTest {

    static final String SCENARIO = "floods-2019-south";
    static final Instant REAL = Instant.parse("2030-01-07T01:00:00Z");

    @Autowired Exercise exercise;
    @Autowired ExerciseRuns runs;
    @Autowired Debriefs debriefs;
    @Autowired ProcessEngine engine;
    @Autowired SimulatorBehaviour customsSimulator;
    @Autowired java.time.Clock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void endExercise() {
        if (exercise.activeRun().isPresent()) {
            exercise.end("test", REAL);
        }
    }

    /** A real instant after today's date, so the real clock the exercise gives back is always before it. */
    /** Real minutes after the start; at speed 60 one real minute is one simulated hour. */
    static Instant minutes(long m) {
        return REAL.plus(Duration.ofMinutes(m));
    }

    @Test
    void theFloodsScenarioRunsAtSpeedWithTraineesAndItsDebriefCountsTheirWork() {
        long run = exercise.start(SCENARIO, 60, "molsw", REAL);
        exercise.tick(minutes(12));
        runDueJobs();
        List<ExerciseRuns.Case> cases = runs.cases(run);
        assertThat(cases).extracting(ExerciseRuns.Case::scenarioKey).containsExactlyInAnyOrder("wfp-rice-pakse",
                "lrc-medicines-wattay", "wfp-shelter-thanaleng", "hopeaid-kits-wattay");
        assertThat(runs.log(run)).extracting(ExerciseRuns.LogEntry::detail)
                .anyMatch(d -> d.contains("(wfp-shelter-thanaleng) for WATTAY, not THANALENG"))
                .anyMatch(d -> d.startsWith("Emergency EM-"));
        assertThat(customsSimulator.current().mode()).isEqualTo(SimulatorBehaviour.Mode.FAIL);
        // declared as MoLSW's form would: the national-emergency process runs, and Customs HQ is told
        String emergency = jdbc.sql("select code from emergency where name = 'Floods in the south (exercise)'"
                + " and status = 'ACTIVE'").query(String.class).single();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("national-emergency")
                .processInstanceBusinessKey(emergency).count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification where event_type = 'EMERGENCY_IN_FORCE' and recipient = 'customs'")
                .query(Long.class).single()).isEqualTo(1);
        // each step happened at its own simulated time, not at the tick's
        assertThat(runs.log(run)).filteredOn(e -> e.detail().contains("(lrc-medicines-wattay)")).singleElement()
                .satisfies(e -> assertThat(e.simulatedAt().toInstant()).isEqualTo(REAL.plus(Duration.ofHours(2))));

        // the MoLSW trainee endorses two cases at once and leaves the third past its deadline
        endorse(reference(run, "wfp-rice-pakse"));
        endorse(reference(run, "lrc-medicines-wattay"));
        exercise.tick(minutes(40));
        runDueJobs();
        endorse(reference(run, "wfp-shelter-thanaleng"));
        runDueJobs();
        exercise.end("molsw", minutes(41));

        Debrief debrief = debriefs.of(run).orElseThrow();
        assertThat(team(debrief, "molsw-officers")).isEqualTo(
                new Debrief.Team("molsw-officers", "MOLSW", 3, 2, 1, 0, 0, 1, 0));
        // Customs HQ was not played: three exemption decisions wait, two past their deadline, escalated to the head
        assertThat(team(debrief, "customs-hq")).isEqualTo(new Debrief.Team("customs-hq", "CUSTOMS_HQ", 0, 0, 0, 3, 2, 2, 0));
        // the rice (food) and the medicines wait for the Food and Drug Department, whose reviewer is absent
        assertThat(team(debrief, "moh-fdd").open()).isEqualTo(2);
        assertThat(debrief.total().escalations()).isEqualTo(3);
        assertThat(debrief.run().status()).isEqualTo(ExerciseRuns.Status.ENDED);
        // its emergency ended with it, through the process
        assertThat(jdbc.sql("select status from emergency where code = ?").param(emergency).query(String.class).single())
                .isEqualTo("ENDED");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(emergency).count())
                .isZero();
        // the end gives the service its real clock back and the customs system its normal answers
        assertThat(customsSimulator.current().mode()).isEqualTo(SimulatorBehaviour.Mode.ACCEPT);
        assertThat(clock.instant()).isBefore(REAL);
    }

    private static Debrief.Team team(Debrief debrief, String group) {
        return debrief.teams().stream().filter(t -> t.group().equals(group)).findFirst().orElseThrow();
    }

    @Test
    void pauseStopsTheClockAndResumeGoesOnFromThere() {
        exercise.start(SCENARIO, 60, "molsw", REAL);
        exercise.tick(minutes(2));
        Instant twoHoursIn = REAL.plus(Duration.ofHours(2));
        assertThat(engineNow()).isEqualTo(twoHoursIn);

        exercise.pause("molsw", minutes(2));
        exercise.tick(minutes(30));
        assertThat(engineNow()).isEqualTo(twoHoursIn);
        assertThat(exercise.view(minutes(30)).orElseThrow().running()).isFalse();

        exercise.resume("molsw", minutes(30));
        exercise.tick(minutes(31));
        assertThat(engineNow()).isEqualTo(twoHoursIn.plus(Duration.ofHours(1)));
    }

    private Instant engineNow() {
        return clock.instant();
    }

    private String reference(long run, String key) {
        return runs.cases(run).stream().filter(c -> c.scenarioKey().equals(key)).findFirst().orElseThrow().reference();
    }

    private void endorse(String reference) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_EndorseRequest").singleResult();
        engine.getIdentityService().setAuthentication("molsw", List.of("molsw-officers"));
        try {
            engine.getTaskService().complete(task.getId(), org.camunda.bpm.engine.variable.Variables.createVariables()
                    .putValue("endorsementDecision", "ENDORSED"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** What the job executor does in the exercise profile: every due job, timers included, by the exercise's clock. */
    void runDueJobs() {
        for (int round = 0; round < 100; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new IllegalStateException("Jobs keep coming");
    }
}
