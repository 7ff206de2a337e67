package org.reliefclearance.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServiceTest
class EmergencyStateTest {

    private static final Instant NOW = Instant.parse("2026-08-10T03:00:00Z");

    @Autowired
    EmergencyState emergencyState;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        new EmergencyFixture(jdbc).removeAll();
        ClockUtil.reset();
    }

    @Test
    void activeOnlyWhileDeclaredAndInsideItsPeriod() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        assertThat(emergencyState.isActive()).isFalse();

        new EmergencyFixture(jdbc).active("EM-FLOOD", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(10)));
        assertThat(emergencyState.active()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo("EM-FLOOD");
            assertThat(e.allProvinces()).isTrue();
        });

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(10))));
        assertThat(emergencyState.isActive()).as("at its end").isFalse();
    }

    @Test
    void anEndedEmergencyIsNotActive() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        new EmergencyFixture(jdbc).ended("EM-OLD", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));

        assertThat(emergencyState.active()).isEmpty();
        assertThat(emergencyState.find("EM-OLD")).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo("ENDED"));
    }
}
