package org.reliefclearance.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

class FormValuesTest {

    private static final ZoneId VIENTIANE = ZoneId.of("Asia/Vientiane");

    @Test
    void lineNumbersFromAChecklistTheApiOrText() {
        assertThat(FormValues.integers(Spin.JSON("[\"1\", \"3\"]"))).containsExactly(1, 3);
        assertThat(FormValues.integers(Spin.JSON("[2, 4]"))).containsExactly(2, 4);
        assertThat(FormValues.integers(List.of(5, "6"))).containsExactly(5, 6);
        assertThat(FormValues.integers("1, 2;3")).containsExactly(1, 2, 3);
        assertThat(FormValues.integers(null)).isEmpty();
        assertThatThrownBy(() -> FormValues.integers("two")).hasMessageContaining("two");
    }

    @Test
    void dateTimesWithOrWithoutOffset() {
        Instant expected = Instant.parse("2026-03-20T10:00:00Z");
        assertThat(FormValues.instant("2026-03-20T17:00+07:00", VIENTIANE)).isEqualTo(expected);
        assertThat(FormValues.instant("2026-03-20T10:00Z", VIENTIANE)).isEqualTo(expected);
        assertThat(FormValues.instant("2026-03-20T17:00", VIENTIANE)).isEqualTo(expected);
        assertThat(FormValues.instant(Date.from(expected), VIENTIANE)).isEqualTo(expected);
        assertThat(FormValues.instant(" ", VIENTIANE)).isNull();
        assertThatThrownBy(() -> FormValues.instant("tomorrow", VIENTIANE)).hasMessageContaining("tomorrow");
    }

    @Test
    void textsFromATagList() {
        assertThat(FormValues.texts(Spin.JSON("[\"Attapeu\", \"Sekong\"]"))).containsExactly("Attapeu", "Sekong");
        assertThat(FormValues.texts("Attapeu, Sekong")).containsExactly("Attapeu", "Sekong");
        assertThat(FormValues.texts(List.of(" Attapeu ", ""))).containsExactly("Attapeu");
        assertThat(FormValues.text("  ")).isNull();
    }
}
