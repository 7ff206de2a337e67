package org.reliefclearance.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.pages.ExerciseMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Without the exercise profile there is no exercise: no page, no banner, no simulated clock. */
@ServiceTest
class ExerciseOffTest {

    @Autowired WebApplicationContext context;
    @Autowired ExerciseMode mode;

    @Test
    void theExercisePagesAreNotThereAndNoPageIsMarked() throws Exception {
        MockMvc browser = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        assertThat(mode.isOn()).isFalse();
        assertThat(context.getBeanNamesForType(Exercise.class)).isEmpty();
        assertThat(browser.perform(get("/exercise/mode")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(browser.perform(get("/exercise").with(httpBasic("molsw", "demo"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(browser.perform(post("/exercise/start").param("scenario", "floods-2019-south")
                .with(httpBasic("admin", "admin")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        String dashboard = browser.perform(get("/dashboard").with(httpBasic("molsw", "demo"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).contains("masthead").doesNotContain("exercise-banner");
    }
}
