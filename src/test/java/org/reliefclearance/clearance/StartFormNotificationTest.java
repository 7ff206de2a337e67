package org.reliefclearance.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reliefclearance.time.EngineClock;

import com.fasterxml.jackson.databind.ObjectMapper;

class StartFormNotificationTest {

    private final StartFormNotification form = new StartFormNotification(new ObjectMapper(),
            new EngineClock(ZoneId.of("Asia/Vientiane")));

    @Test
    void startFormArrivalWithoutOffsetIsInTheCountrysZone() {
        assertThat(form.arrival("2026-06-01T10:30")).isEqualTo(OffsetDateTime.parse("2026-06-01T10:30+07:00"));
        assertThat(form.arrival("2026-06-01T10:30:00Z").toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-06-01T17:30+07:00").toInstant());
    }

    @Test
    void theOrganisationNamedIsReadAsItsRegistryCode() {
        assertThat(StartFormNotification.organisationNamed(Map.of("organisation", " wfp ")::get)).isEqualTo("WFP");
        assertThat(StartFormNotification.organisationNamed(Map.of("organisation", " ")::get)).isNull();
        assertThat(StartFormNotification.organisationNamed(Map.<String, Object>of()::get)).isNull();
    }

    @Test
    void missingArrivalIsRefused() {
        assertThatThrownBy(() -> form.arrival(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
