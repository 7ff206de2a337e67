package org.reliefclearance.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reliefclearance.exercise.Exercise;
import org.reliefclearance.exercise.ExerciseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A training day in the browser: the facilitator (a MoLSW official) starts the floods exercise on
 * /exercise, the simulated consignees notify, and a trainee completes an endorsement in Tasklist, every
 * screen marked as an exercise. The exercise context's clock is moved by the test, not by the second.
 */
@Tag("e2e")
@ExerciseTest
class ExerciseE2ETest {

    @LocalServerPort
    int port;
    @Autowired Exercise exercise;
    @Autowired ProcessEngine engine;

    private Tasklist tasklist;

    @BeforeEach
    void openBrowser() throws Exception {
        tasklist = new Tasklist(Browser.start("en"), "http://localhost:" + port, "en");
    }

    @AfterEach
    void closeBrowserAndEndTheExercise() {
        tasklist.close();
        if (exercise.activeRun().isPresent()) {
            exercise.end("test", exercise.realNow());
        }
    }

    @Test
    void aFacilitatorStartsTheFloodsExerciseAndATraineeEndorsesInTasklist() throws Exception {
        // Tasklist says it is an exercise; the facilitator's page acts only for a caller with credentials of
        // its own (the webapps' session reads, never writes), so the facilitator signs in to it with Basic
        tasklist.login("molsw", "demo");
        tasklist.waitForText("EXERCISE: simulated emergency");
        tasklist.screenshot("exercise-00-tasklist-banner");
        tasklist.logout();
        tasklist.driver().get("http://molsw:demo@localhost:" + port + "/exercise");
        tasklist.waitForText("Choose a scenario");
        assertThat(tasklist.bodyText()).contains("EXERCISE: simulated emergency", "Floods in southern Lao PDR");
        tasklist.driver().findElement(By.xpath("//button[normalize-space()='Start the exercise']")).click();
        tasklist.waitForText("running at 60 times real time");
        assertThat(tasklist.bodyText()).contains("Emergency EM-");
        tasklist.screenshot("exercise-01-facilitator");
        assertThat(exercise.activeRun()).isPresent();

        // three simulated hours later WFP and the Lao Red Cross have notified
        exercise.tick(exercise.realNow().plus(Duration.ofMinutes(3)));
        runDueJobs();
        tasklist.driver().navigate().refresh();
        tasklist.waitForText("LRC notified");

        // a trainee endorses one of them in Tasklist with their own account
        tasklist.login("molsw", "demo");
        assertThat(tasklist.taskList()).contains("Endorse request");
        tasklist.openTask("Endorse request");
        tasklist.choose("Decision", "Endorse");
        tasklist.screenshot("exercise-02-trainee-endorses");
        tasklist.press("Complete");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(engine.getHistoryService()
                .createHistoricTaskInstanceQuery().taskDefinitionKey("Task_EndorseRequest").finished()
                .taskDeleteReason("completed").taskAssignee("molsw").count()).isEqualTo(1));
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_EndorseRequest").count())
                .isEqualTo(1);
    }

    private void runDueJobs() {
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
