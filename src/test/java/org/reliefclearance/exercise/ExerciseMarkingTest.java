package org.reliefclearance.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.notifications.NotificationSender;
import org.reliefclearance.notifications.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** An exercise's cases are marked as such in the officials' mails and in the clearance dossier. */
@ExerciseTest
class ExerciseMarkingTest {

    static final Instant REAL = Instant.parse("2030-03-04T01:00:00Z");

    @Autowired Exercise exercise;
    @Autowired ExerciseRuns runs;
    @Autowired ProcessEngine engine;
    @Autowired NotificationSender sender;
    @Autowired WebApplicationContext context;
    final TestMailServer mail = ExerciseMailServer.get();

    @AfterEach
    void endExercise() {
        if (exercise.activeRun().isPresent()) {
            exercise.end("test", REAL);
        }
    }

    @Test
    void theNewTaskMailAndTheDossierOfAnExerciseCaseSayItIsAnExercise() throws Exception {
        long run = exercise.start("floods-2019-south", 60, "molsw", REAL);
        exercise.tick(REAL.plus(Duration.ofMinutes(3)));
        runDueJobs();
        String reference = runs.cases(run).stream().filter(c -> c.scenarioKey().equals("lrc-medicines-wattay"))
                .findFirst().orElseThrow().reference();
        sender.sendDue();

        List<TestMailServer.Mail> toMolsw = mail.about(reference).stream()
                .filter(m -> m.to().equals("molsw@relief.test")).toList();
        assertThat(toMolsw).isNotEmpty().allSatisfy(m -> {
            assertThat(m.subject()).startsWith("[EXERCISE] ");
            assertThat(m.text()).startsWith("EXERCISE: simulated emergency, not a real case");
            assertThat(m.html()).contains("EXERCISE: simulated emergency, not a real case");
        });

        MockHttpServletResponse dossier = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build()
                .perform(get("/api/consignments/{reference}/dossier.pdf", reference).with(httpBasic("molsw", "demo")))
                .andReturn().getResponse();
        assertThat(dossier.getStatus()).isEqualTo(200);
        try (var pdf = Loader.loadPDF(dossier.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("EXERCISE: simulated emergency, not a real case", reference);
        }
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
