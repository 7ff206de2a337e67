package org.reliefclearance.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class StartFormNotificationTest {

    @Test
    void startFormArrivalWithoutOffsetIsLaoTime() {
        assertThat(StartFormNotification.arrival("2026-06-01T10:30"))
                .isEqualTo(OffsetDateTime.parse("2026-06-01T10:30+07:00"));
        assertThat(StartFormNotification.arrival("2026-06-01T10:30:00Z").toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-06-01T17:30+07:00").toInstant());
    }

    @Test
    void missingArrivalIsRefused() {
        assertThatThrownBy(() -> StartFormNotification.arrival(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
