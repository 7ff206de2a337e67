package org.reliefclearance.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId VIENTIANE = ZoneId.of("Asia/Vientiane");
    // Lao New Year 2026: Tuesday to Thursday
    private final WorkingCalendar calendar = new WorkingCalendar(VIENTIANE,
            List.of(LocalDate.of(2026, 4, 14), LocalDate.of(2026, 4, 15), LocalDate.of(2026, 4, 16)));

    @Test
    void workingDaysSkipTheWeekend() {
        Instant friday = at(2026, 3, 6, 15, 0);
        assertThat(calendar.addWorkingTime(friday, Duration.ofDays(2))).isEqualTo(at(2026, 3, 10, 15, 0));
        assertThat(calendar.addWorkingTime(friday, Duration.ofDays(5))).isEqualTo(at(2026, 3, 13, 15, 0));
        assertThat(calendar.addWorkingTime(friday, Duration.ofDays(10))).isEqualTo(at(2026, 3, 20, 15, 0));
    }

    @Test
    void halfOfTheWorkingTimeAlsoSkipsTheWeekend() {
        Instant friday = at(2026, 3, 6, 15, 0);
        assertThat(calendar.addWorkingTime(friday, Duration.ofDays(1))).isEqualTo(at(2026, 3, 9, 15, 0));
        assertThat(calendar.addWorkingTime(friday, Duration.ofHours(60))).isEqualTo(at(2026, 3, 11, 3, 0));
    }

    @Test
    void startingOnASaturdayTheFirstWorkingDayIsMonday() {
        assertThat(calendar.addWorkingTime(at(2026, 3, 7, 10, 0), Duration.ofDays(1))).isEqualTo(at(2026, 3, 10, 0, 0));
    }

    @Test
    void publicHolidaysDoNotCount() {
        Instant mondayBeforePiMai = at(2026, 4, 13, 9, 0);
        assertThat(calendar.addWorkingTime(mondayBeforePiMai, Duration.ofDays(1))).isEqualTo(at(2026, 4, 17, 9, 0));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 15))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 17))).isTrue();
    }

    @Test
    void daysAreCountedInVientianeTime() {
        // Friday 20:00 UTC is already Saturday 03:00 in Vientiane
        Instant fridayEveningUtc = Instant.parse("2026-03-06T20:00:00Z");
        assertThat(calendar.addWorkingTime(fridayEveningUtc, Duration.ofDays(1))).isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
    }

    @Test
    void workingTimeBetweenIsTheInverseOfAdding() {
        Instant friday = at(2026, 3, 6, 15, 0);
        assertThat(calendar.workingTimeBetween(friday, at(2026, 3, 10, 15, 0))).isEqualTo(Duration.ofDays(2));
        assertThat(calendar.workingTimeBetween(at(2026, 3, 7, 0, 0), at(2026, 3, 9, 0, 0))).isZero();
        assertThat(calendar.workingTimeBetween(at(2026, 3, 10, 0, 0), friday)).isZero();
        Instant due = calendar.addWorkingTime(friday, Duration.ofHours(77));
        assertThat(calendar.workingTimeBetween(friday, due)).isEqualTo(Duration.ofHours(77));
    }

    @Test
    void nothingToAddIsNow() {
        Instant saturday = at(2026, 3, 7, 10, 0);
        assertThat(calendar.addWorkingTime(saturday, Duration.ZERO)).isEqualTo(saturday);
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(VIENTIANE).toInstant();
    }
}
