package org.reliefclearance.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.deadlines.DeadlineStep;
import org.reliefclearance.deadlines.Deadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A public holiday added through the registry at run time moves the deadlines computed afterwards
 * (no restart, no cache), and removing it moves them back. Endorsement takes 2 working days
 * (clearance-deadlines.dmn, no emergency).
 */
@ServiceTest
class HolidayAtRunTimeTest {

    private static final ZoneId VIENTIANE = ZoneId.of("Asia/Vientiane");
    /** Monday 3 March 2031, 10:00 in Vientiane. */
    private static final Instant MONDAY_MORNING = LocalDateTime.of(2031, 3, 3, 10, 0).atZone(VIENTIANE).toInstant();

    @Autowired
    Deadlines deadlines;
    @Autowired
    TestRestTemplate http;

    @AfterEach
    void removeTheHoliday() {
        new RegistryClient(http).send(RegistryClient.ADMIN, HttpMethod.DELETE, "/holidays/2031-03-04", null);
    }

    @Test
    void aHolidayAddedAtRunTimeMovesADeadlineComputedAfterwards() {
        RegistryClient api = new RegistryClient(http);
        assertThat(dueAt()).as("Monday + 2 working days").isEqualTo(local(2031, 3, 5));

        assertThat(api.put(RegistryClient.ADMIN, "/holidays/2031-03-04", Map.of("name", "A day of national mourning"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(dueAt()).as("Tuesday no longer counts").isEqualTo(local(2031, 3, 6));
        assertThat(api.get("customs", "/holidays?year=2031").getBody().findValuesAsText("date")).contains("2031-03-04");

        api.send(RegistryClient.ADMIN, HttpMethod.DELETE, "/holidays/2031-03-04", null);
        assertThat(dueAt()).as("removed: counts again").isEqualTo(local(2031, 3, 5));
    }

    private Instant dueAt() {
        return deadlines.deadline(DeadlineStep.ENDORSEMENT, null, MONDAY_MORNING).dueAt();
    }

    private static Instant local(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 10, 0).atZone(VIENTIANE).toInstant();
    }
}
