package org.reliefclearance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationStatsTest {

    @Test
    void oddCountTakesTheMiddleValueAndNearestRankP90() {
        DurationStats stats = DurationStats.of(List.of(hours(10), hours(2), hours(4)));

        assertThat(stats).isEqualTo(new DurationStats(3, hours(4), hours(10)));
        assertThat(stats.medianSeconds()).isEqualTo(14400.0);
        assertThat(stats.p90Seconds()).isEqualTo(36000.0);
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        assertThat(DurationStats.of(List.of(hours(1), hours(2), hours(5), hours(9))))
                .isEqualTo(new DurationStats(4, Duration.ofMinutes(210), hours(9)));
    }

    @Test
    void tenValuesHaveTheirNinthAsP90() {
        DurationStats stats = DurationStats.of(IntStream.rangeClosed(1, 10).mapToObj(DurationStatsTest::hours).toList());

        assertThat(stats.p90()).isEqualTo(hours(9));
        assertThat(stats.median()).isEqualTo(Duration.ofMinutes(330));
    }

    @Test
    void noValueHasNoMedian() {
        assertThat(DurationStats.of(List.of())).isEqualTo(new DurationStats(0, null, null));
        assertThat(DurationStats.of(List.of()).medianSeconds()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,2", "3,3", "9,9", "10,9", "11,10", "20,18", "21,19"})
    void nearestRankOfTheNinetiethPercentile(int n, int rank) {
        assertThat(DurationStats.nearestRank(90, n)).isEqualTo(rank);
    }

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }
}
