package org.reliefclearance.emergency;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;

import org.reliefclearance.notifications.Notices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Declaring and ending national emergencies (table {@code emergency}). */
@Service
public class EmergencyDeclarations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Notices notices;

    EmergencyDeclarations(JdbcClient jdbc, Clock clock, Notices notices) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.notices = notices;
    }

    /**
     * Declares an emergency for a period. Refused when the period is empty or already over, or when
     * it overlaps an emergency still in force: one emergency at a time decides the deadlines.
     */
    public Emergency declare(String name, List<String> provinces, Instant startsAt, Instant endsAt, String declaredBy) {
        if (name == null) {
            throw new IllegalArgumentException("Name the emergency");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("The emergency must end after it starts");
        }
        Instant now = clock.instant();
        if (!endsAt.isAfter(now)) {
            throw new IllegalArgumentException("The emergency period is already over");
        }
        List<String> overlapping = jdbc.sql("""
                select code from emergency where status = ? and starts_at < ? and ends_at > ?""")
                .params(Emergency.ACTIVE, utc(endsAt), utc(startsAt)).query(String.class).list();
        if (!overlapping.isEmpty()) {
            throw new IllegalStateException("The period overlaps emergency " + overlapping.get(0)
                    + "; end it or change its period first");
        }
        String code = nextCode(now);
        jdbc.sql("""
                insert into emergency (code, name, provinces, starts_at, ends_at, status, declared_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(code, name, provinces.isEmpty() ? null : String.join(", ", provinces), utc(startsAt),
                        utc(endsAt), Emergency.ACTIVE, declaredBy)
                .update();
        Emergency declared = find(code);
        notices.emergencyDeclared(declared.code(), declared.name(), declared.startsAt(), declared.endsAt());
        return declared;
    }

    /**
     * Ends the emergency now; ending one already ended changes nothing.
     *
     * @param reason why it ended early, or null when its period is over
     */
    public Emergency end(String code, String endedBy, String reason) {
        int ended = jdbc.sql("""
                update emergency set status = ?, ended_at = ?, ended_by = ?, end_reason = ?
                where code = ? and status = ?""")
                .params(Emergency.ENDED, utc(clock.instant()), endedBy, reason, code, Emergency.ACTIVE)
                .update();
        Emergency emergency = find(code);
        if (ended == 1) {
            notices.emergencyEnded(emergency.code(), emergency.name(), emergency.endedAt());
        }
        return emergency;
    }

    private Emergency find(String code) {
        return jdbc.sql("select " + EmergencyState.COLUMNS + " from emergency where code = ?")
                .param(code).query(Emergency.class).single();
    }

    /** EM-2026-001, EM-2026-002, ...; declarations are rare, a duplicate fails on the primary key. */
    private String nextCode(Instant now) {
        String prefix = "EM-" + Year.from(now.atZone(ZoneOffset.UTC)) + "-";
        Integer count = jdbc.sql("select count(*) from emergency where code like ?").param(prefix + "%")
                .query(Integer.class).single();
        return prefix + "%03d".formatted(count + 1);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
