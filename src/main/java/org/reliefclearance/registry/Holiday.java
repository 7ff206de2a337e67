package org.reliefclearance.registry;

import java.time.LocalDate;

/** A public holiday: no working time passes on it, so deadlines in working days move past it. */
public record Holiday(LocalDate date, String name) {
}
