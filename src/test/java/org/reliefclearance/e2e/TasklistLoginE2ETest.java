package org.reliefclearance.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"test", "demo"})
class TasklistLoginE2ETest {

    @LocalServerPort
    int port;

    private Tasklist tasklist;

    @BeforeEach
    void openBrowser() throws Exception {
        tasklist = new Tasklist(Browser.start("en"), "http://localhost:" + port, "en");
    }

    @AfterEach
    void closeBrowser() {
        tasklist.close();
    }

    @Test
    void anOfficialLogsInAndSeesTheSharedFilters() throws Exception {
        tasklist.login("molsw", "demo");
        assertThat(tasklist.bodyText()).contains("Assigned to me");
        tasklist.screenshot("01-tasklist-molsw");
    }
}
