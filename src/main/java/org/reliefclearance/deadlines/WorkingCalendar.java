package org.reliefclearance.deadlines;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * Working-time arithmetic: only the hours of working days (not Saturday, Sunday or a public
 * holiday, in the calendar's time zone) count. Five working days from Friday 15:00 end on
 * the next Friday 15:00; one working day from Saturday 10:00 ends at the end of Monday.
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public WorkingCalendar(ZoneId zone, Collection<LocalDate> holidays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The instant at which {@code amount} of working time has passed since {@code start}. */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative() || amount.isZero()) {
            return start;
        }
        ZonedDateTime t = start.atZone(zone);
        Duration left = amount;
        while (true) {
            LocalDate day = t.toLocalDate();
            ZonedDateTime nextDay = day.plusDays(1).atStartOfDay(zone);
            if (isWorkingDay(day)) {
                Duration restOfDay = Duration.between(t, nextDay);
                if (left.compareTo(restOfDay) <= 0) {
                    return t.plus(left).toInstant();
                }
                left = left.minus(restOfDay);
            }
            t = nextDay;
        }
    }

    /** Working time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        ZonedDateTime t = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        while (t.isBefore(end)) {
            ZonedDateTime nextDay = t.toLocalDate().plusDays(1).atStartOfDay(zone);
            ZonedDateTime upTo = nextDay.isBefore(end) ? nextDay : end;
            if (isWorkingDay(t.toLocalDate())) {
                total = total.plus(Duration.between(t, upTo));
            }
            t = upTo;
        }
        return total;
    }
}
