package org.reliefclearance.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionTagTest {

    @ParameterizedTest(name = "{0} is newer than {1}")
    @CsvSource({
            "2026.12.1, 2026.12",
            "2026.12.10, 2026.12.9",
            "2027.1, 2026.12",
            "2026.10, 2026.9",
            "2026.12.1.1, 2026.12.1",
            "2026.12, ''",
            "2026.12, draft"})
    void comparesNumberByNumber(String newer, String older) {
        assertThat(VersionTag.of(newer).isNewerThan(VersionTag.of(older))).isTrue();
        assertThat(VersionTag.of(older).isNewerThan(VersionTag.of(newer))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"2026.12, 2026.12", "2026.12.1, ' 2026.12.1 '"})
    void anEqualTagIsNotNewer(String a, String b) {
        assertThat(VersionTag.of(a).isNewerThan(VersionTag.of(b))).isFalse();
        assertThat(VersionTag.of(a).compareTo(VersionTag.of(b))).isZero();
    }
}
