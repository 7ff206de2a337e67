package org.reliefclearance.deadlines;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The public holidays (besides Saturdays and Sundays) on which no working time passes. */
@ConfigurationProperties("relief.deadlines")
public record DeadlineProperties(List<LocalDate> holidays) {

    public DeadlineProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
