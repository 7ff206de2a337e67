package org.reliefclearance.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The facilitator's page and the debrief: who may use them, what bad input gets, and the exercise marking. */
@ExerciseTest
class ExercisePagesTest {

    @Autowired WebApplicationContext context;
    @Autowired Exercise exercise;
    @Autowired ExerciseRuns runs;
    private MockMvc browser;

    @BeforeEach
    void browser() {
        browser = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void endExercise() {
        if (exercise.activeRun().isPresent()) {
            exercise.end("test", exercise.realNow());
        }
    }

    @Test
    void aMolswOfficialStartsPausesAndEndsAnExerciseFromThePageAndReadsItsDebrief() throws Exception {
        assertThat(as("molsw", post("/exercise/start").param("scenario", "floods-2019-south").param("speed", "60"))
                .getRedirectedUrl()).isEqualTo("/exercise");
        String page = html(as("molsw", get("/exercise")));
        assertThat(page).contains("EXERCISE: simulated emergency", "Floods in southern Lao PDR", "running at 60 times");
        assertThat(as("molsw", post("/exercise/pause")).getStatus()).isEqualTo(302);
        assertThat(html(as("molsw", get("/exercise")))).contains("paused");
        long run = exercise.activeRun().orElseThrow();
        assertThat(as("molsw", post("/exercise/end")).getRedirectedUrl()).isEqualTo("/exercise/debrief?run=" + run);

        assertThat(html(as("admin", get("/exercise/debrief").param("run", String.valueOf(run)))))
                .contains("Debrief of exercise " + run, "Per team and role", "EXERCISE: simulated emergency");
        MockHttpServletResponse pdf = as("molsw", get("/exercise/debrief.pdf").param("run", String.valueOf(run)));
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("EXERCISE", "Debrief of exercise " + run);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"customs", "port-wattay", "moh", "moh-head", "coordinator", "owner", "wfp"})
    void everyOtherRoleIsRefusedAndNothingStarts(String user) throws Exception {
        int runsBefore = runs.all().size();
        for (MockHttpServletRequestBuilder request : List.of(get("/exercise"),
                post("/exercise/start").param("scenario", "floods-2019-south"), post("/exercise/pause"),
                post("/exercise/injects/0"), post("/exercise/end"), get("/exercise/debrief").param("run", "1"))) {
            assertThat(as(user, request).getStatus()).as(user + " " + request).isEqualTo(403);
        }
        assertThat(exercise.activeRun()).isEmpty();
        assertThat(runs.all()).hasSize(runsBefore);
    }

    @Test
    void aBadSpeedOrScenarioIsRefusedNamingTheFieldAndNothingStarts() throws Exception {
        MockHttpServletResponse speed = as("molsw", post("/exercise/start").param("scenario", "floods-2019-south")
                .param("speed", "100000"));
        assertThat(speed.getStatus()).isEqualTo(400);
        assertThat(speed.getContentAsString()).contains("speed");
        MockHttpServletResponse scenario = as("molsw", post("/exercise/start").param("scenario", "no-such"));
        assertThat(scenario.getStatus()).isEqualTo(400);
        assertThat(scenario.getContentAsString()).contains("scenario");
        assertThat(exercise.activeRun()).isEmpty();
    }

    @Test
    void theWebappsLearnThatThisIsAnExerciseWithoutSigningIn() throws Exception {
        MockHttpServletResponse mode = browser.perform(get("/exercise/mode")).andReturn().getResponse();
        assertThat(mode.getStatus()).isEqualTo(200);
        assertThat(mode.getContentAsString(StandardCharsets.UTF_8)).contains("\"exercise\":true", "EXERCISE");
    }

    private MockHttpServletResponse as(String user, MockHttpServletRequestBuilder request) throws Exception {
        String password = "admin".equals(user) ? "admin" : "demo";
        return browser.perform(request.with(httpBasic(user, password)).with(csrf())).andReturn().getResponse();
    }

    private static String html(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
