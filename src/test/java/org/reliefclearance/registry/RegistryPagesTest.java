package org.reliefclearance.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The registry's pages as a browser door: a sign-in, CSRF on every form, errors beside their
 * fields, Lao words, and every role other than the one a form is for refused with nothing written.
 */
@ServiceTest
class RegistryPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private MockMvc browser;

    @BeforeEach
    void browser() {
        browser = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void aBadFieldIsShownBesideItAndNothingIsWritten() throws Exception {
        MockHttpSession admin = signIn("admin", "admin");
        String before = RegistryClient.tables(jdbc);

        MvcResult page = browser.perform(post("/registry/ports").session(admin).with(csrf())
                .param("code", "huay xai").param("name", "Houayxay").param("kind", "RIVER")).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"port-code-error\">must be 2 to 40 capital letters")
                .contains("value=\"huay xai\" aria-invalid=\"true\"").contains("value=\"Houayxay\"")
                .doesNotContain("_csrf=");
        assertThat(RegistryClient.tables(jdbc)).isEqualTo(before);
    }

    @Test
    void anAdministratorAddsAPortAndSetsItsHours() throws Exception {
        MockHttpSession admin = signIn("admin", "admin");

        MvcResult added = browser.perform(post("/registry/ports").session(admin).with(csrf())
                .param("code", "PAGE_PORT").param("name", "A port added on the page").param("kind", "LAND")).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/registry/ports/PAGE_PORT?saved");
        MvcResult hours = browser.perform(post("/registry/ports/PAGE_PORT/hours").session(admin).with(csrf())
                .param("year", "2031").param("opens-MONDAY", "08:00").param("closes-MONDAY", "16:30")
                .param("opens-TUESDAY", "12:00").param("closes-TUESDAY", "09:00")).andReturn();
        assertThat(hours.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"closes-TUESDAY-error\"");
        browser.perform(post("/registry/ports/PAGE_PORT/hours").session(admin).with(csrf())
                .param("year", "2031").param("opens-MONDAY", "08:00").param("closes-MONDAY", "16:30")).andReturn();

        String page = browser.perform(get("/registry/ports/PAGE_PORT?year=2031&lang=lo").session(admin)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("ວັນຈັນ").contains("16:30").contains("customs-port-page-port");
        assertThat(jdbc.sql("select count(*) from port_operating_hours where port_code = 'PAGE_PORT'").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void otherRolesAndFormsWithoutTheTokenAreRefusedAndNothingChanges() throws Exception {
        String before = RegistryClient.tables(jdbc);
        for (String user : List.of("molsw", "customs", "port-wattay", "moh", "coordinator", "owner", "wfp")) {
            MockHttpSession session = signIn(user, "demo");
            assertThat(browser.perform(post("/registry/ports").session(session).with(csrf())
                    .param("code", "TAKEN").param("name", "Taken").param("kind", "LAND")).andReturn()
                    .getResponse().getStatus()).as(user).isEqualTo(403);
            assertThat(browser.perform(post("/registry/holidays").session(session).with(csrf())
                    .param("date", "2031-08-08").param("name", "Not a holiday")).andReturn()
                    .getResponse().getStatus()).as(user).isEqualTo(403);
            assertThat(browser.perform(multipart("/registry/import").file(new MockMultipartFile("file", "r.json",
                    "application/json", "{}".getBytes(StandardCharsets.UTF_8))).session(session).with(csrf()))
                    .andReturn().getResponse().getStatus()).as(user).isEqualTo(403);
            if (!user.equals("molsw")) {
                assertThat(browser.perform(post("/registry/organisations/WFP").session(session).with(csrf())
                        .param("name", "WFP").param("kind", "UN_AGENCY").param("status", "SUSPENDED")).andReturn()
                        .getResponse().getStatus()).as(user).isEqualTo(403);
            }
        }
        MockHttpSession admin = signIn("admin", "admin");
        assertThat(browser.perform(post("/registry/ports").session(admin)
                .param("code", "NO_TOKEN").param("name", "No token").param("kind", "LAND")).andReturn()
                .getResponse().getStatus()).as("no CSRF token").isEqualTo(403);
        assertThat(browser.perform(get("/registry")).andReturn().getResponse().getRedirectedUrl())
                .as("not signed in").endsWith("/registry/login");
        assertThat(RegistryClient.tables(jdbc)).isEqualTo(before);
    }

    private MockHttpSession signIn(String user, String password) throws Exception {
        return (MockHttpSession) browser.perform(formLogin("/registry/login").user(user).password(password))
                .andReturn().getRequest().getSession(false);
    }
}
