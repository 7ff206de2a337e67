package org.reliefclearance.deadlines;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Calendar of working days for deadlines: the time zone whose days count and the public
 * holidays (besides Saturdays and Sundays) on which no working time passes.
 */
@ConfigurationProperties("relief.deadlines")
public record DeadlineProperties(ZoneId zone, List<LocalDate> holidays) {

    public DeadlineProperties {
        zone = zone == null ? ZoneId.of("Asia/Vientiane") : zone;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
