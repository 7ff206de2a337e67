package org.reliefclearance.registry;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** When a port's checkpoint is open on one weekday of one year; a weekday without hours is closed. */
public record OperatingHours(String port, int year, DayOfWeek weekday, LocalTime opens, LocalTime closes) {
}
